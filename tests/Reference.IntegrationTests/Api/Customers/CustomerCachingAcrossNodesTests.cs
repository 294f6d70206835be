using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Reference.IntegrationTests.Api.Support;
using Reference.IntegrationTests.Redis;
using Reference.TestSupport.Postgres;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary>
/// Two application hosts with <c>Caching:Provider=Redis</c> on one Redis and one database, as two nodes behind a load
/// balancer: a write on one is read on the other at once, and Redis going away never fails a request.
/// </summary>
public sealed class CustomerCachingAcrossNodesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly RedisTestServer _redis = new();

    private sealed record CustomerBody(Guid Id, string Name, string Email, long Version);

    public Task InitializeAsync() => _redis.StartAsync();

    public Task DisposeAsync() => _redis.DisposeAsync().AsTask();

    [Fact]
    public async Task A_rename_on_one_node_is_read_on_the_other_at_once_and_a_redis_outage_serves_reads_and_heals()
    {
        await using var nodeA = Node();
        await using var nodeB = Node();
        var (a, b) = (nodeA.Sales(), nodeB.Sales());
        var id = (await (await a.PostAsJsonAsync("/api/customers", new { name = "Ada", email = "ada@example.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;
        Assert.Equal(("Ada", "\"1\""), await ReadAsync(b, id));

        // Changed behind the application's back: only a cache hit still shows the old name, so B does cache.
        await SetNameInDatabaseAsync(id, "Changed in the database");
        Assert.Equal(("Ada", "\"1\""), await ReadAsync(b, id));

        await RenameAsync(a, id, "Ada Lovelace", "\"1\"");
        Assert.Equal(("Ada Lovelace", "\"2\""), await ReadAsync(b, id));

        // Redis goes away: reads are served from L1 or the database, writes go on, nothing answers 500.
        await _redis.StopAsync();
        Assert.Equal(("Ada Lovelace", "\"2\""), await ReadAsync(b, id));
        Assert.Equal(("Ada Lovelace", "\"2\""), await ReadAsync(a, id));
        await RenameAsync(a, id, "Countess Lovelace", "\"2\"");
        Assert.Equal(("Countess Lovelace", "\"3\""), await ReadAsync(a, id));
        var registeredDuringOutage = (await (await b.PostAsJsonAsync("/api/customers", new { name = "Grace", email = "grace@example.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;
        Assert.Equal(("Grace", "\"1\""), await ReadAsync(b, registeredDuringOutage));

        // Redis is back (empty): B drops what it cached before, so the rename it missed shows, and both nodes cache again.
        await _redis.StartAsync();
        Assert.Equal(("Countess Lovelace", "\"3\""), await Eventually.ReturnsAsync(() => ReadAsync(b, id), read => read.Name == "Countess Lovelace", TimeSpan.FromSeconds(30)));
        await CachesAgainAsync(a, id);
        await CachesAgainAsync(b, id);

        await RenameAsync(a, id, "Ada King", "\"3\"");
        Assert.Equal(("Ada King", "\"4\""), await ReadAsync(b, id));
    }

    private SharedDatabaseApiFactory Node() => new(database.ConnectionString, new Dictionary<string, string?>
    {
        ["Caching:Provider"] = "Redis",
        ["ConnectionStrings:Redis"] = _redis.ConnectionString,
    });

    /// <summary>Waits until a read on <paramref name="client"/> is served from the cache again (a change behind its back stays unseen).</summary>
    private async Task CachesAgainAsync(HttpClient client, Guid id)
    {
        var marker = 0;
        await Eventually.ReturnsAsync(
            async () =>
            {
                var cached = await ReadAsync(client, id);
                var behindTheCache = $"Behind the cache {++marker}";
                await SetNameInDatabaseAsync(id, behindTheCache);
                var again = await ReadAsync(client, id);
                await SetNameInDatabaseAsync(id, cached.Name);
                return again.Name != behindTheCache;
            },
            servedFromCache => servedFromCache,
            TimeSpan.FromSeconds(30));
    }

    private static async Task<(string Name, string? ETag)> ReadAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/customers/{id}");
        var customer = await response.ReadAsAsync<CustomerBody>();
        return (customer.Name, response.Headers.ETag?.Tag);
    }

    private static async Task RenameAsync(HttpClient client, Guid id, string name, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}/name") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        await (await client.SendAsync(request)).ReadAsAsync<VersionBody>();
    }

    private async Task SetNameInDatabaseAsync(Guid id, string name)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE customer SET \"Name\" = @name WHERE \"Id\" = @id", connection);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("name", name);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
