using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Customers;

[Collection(ApiCollection.Name)]
public sealed class CustomerEndpointsTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record CustomerBody(Guid Id, string Name, string Email, long Version);

    [Fact]
    public async Task Register_returns_201_and_the_customer_can_be_read_with_its_etag()
    {
        var client = app.Sales();

        var response = await client.PostAsJsonAsync("/api/customers", new { name = " Ada Lovelace ", email = "Ada@Example.test" });

        var created = await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.Equal($"/api/customers/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await client.GetAsync($"/api/customers/{created.Id}");
        var customer = await read.ReadAsAsync<CustomerBody>();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(new CustomerBody(created.Id, "Ada Lovelace", "ada@example.test", 1), customer);
    }

    [Fact]
    public async Task Rename_with_the_current_etag_bumps_the_version_and_a_stale_one_gives_412()
    {
        var client = app.Sales();
        var created = await (await client.PostAsJsonAsync("/api/customers", new { name = "Grace", email = "grace@example.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created);

        var renamed = await Rename(client, created.Id, "Grace Hopper", "\"1\"");
        var stale = await Rename(client, created.Id, "Amazing Grace", "\"1\"");

        Assert.Equal(2, (await renamed.ReadAsAsync<VersionBody>()).Version);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("Grace Hopper", (await (await client.GetAsync($"/api/customers/{created.Id}")).ReadAsAsync<CustomerBody>()).Name);
    }

    [Fact]
    public async Task A_repeated_read_is_served_from_the_cache_until_a_write_through_the_api_invalidates_it()
    {
        var client = app.Sales();
        var created = await (await client.PostAsJsonAsync("/api/customers", new { name = "Linus", email = "linus@example.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.Equal("Linus", (await (await client.GetAsync($"/api/customers/{created.Id}")).ReadAsAsync<CustomerBody>()).Name);

        // Changed behind the application's back: only a cache hit still shows the old name.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE customer SET \"Name\" = 'Changed in the database' WHERE \"Id\" = @id", connection);
            update.Parameters.AddWithValue("id", created.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var cached = await (await client.GetAsync($"/api/customers/{created.Id}")).ReadAsAsync<CustomerBody>();
        await (await Rename(client, created.Id, "Linus Torvalds", "\"1\"")).ReadAsAsync<VersionBody>();
        var afterWrite = await (await client.GetAsync($"/api/customers/{created.Id}")).ReadAsAsync<CustomerBody>();

        Assert.Equal(new CustomerBody(created.Id, "Linus", "linus@example.test", 1), cached);
        Assert.Equal(new CustomerBody(created.Id, "Linus Torvalds", "linus@example.test", 2), afterWrite);
    }

    [Fact]
    public async Task Invalid_customer_gives_400_with_every_field()
    {
        var response = await app.Sales().PostAsJsonAsync("/api/customers", new { name = "", email = "not-an-email" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "email" }, fields);
    }

    [Fact]
    public async Task A_viewer_cannot_register_customers()
    {
        var response = await app.Viewer().PostAsJsonAsync("/api/customers", new { name = "Eve", email = "eve@example.test" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    private static Task<HttpResponseMessage> Rename(HttpClient client, Guid id, string name, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}/name") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
