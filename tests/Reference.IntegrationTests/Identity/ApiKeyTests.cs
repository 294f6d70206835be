using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Identity;

/// <summary>
/// API keys over HTTP on PostgreSQL: created by a tenant administrator, shown once, authenticating a service principal
/// of that tenant with exactly their permissions, revoked at once on every node, invisible to other tenants.
/// </summary>
public sealed class ApiKeyTests(PostgresIdentityApiFactory app) : IClassFixture<PostgresIdentityApiFactory>
{
    private const string Acme = ReferenceApiFactory.Acme;
    private const string Globex = ReferenceApiFactory.Globex;

    [Fact]
    public async Task A_key_authenticates_with_exactly_its_permissions_in_its_tenant()
    {
        var (_, key) = await CreateAsync(Acme, "reporting", "orders.read");

        var client = WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders")).StatusCode);
        await (await client.GetAsync("/api/customers"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");

        client.DefaultRequestHeaders.Add("X-Tenant-ID", Globex);
        await (await client.GetAsync("/api/orders"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/tenant-mismatch");
    }

    [Fact]
    public async Task A_key_cannot_hold_a_permission_its_creator_lacks()
    {
        // sales may manage keys only through an explicit grant; here the token grants it but not audit.read.
        var creator = app.WithToken(TestTokens.Create("lead@acme", Acme, ["sales"], ["apikeys.manage"]));
        var allowed = await creator.PostAsJsonAsync("/api/api-keys", new { name = "ok", permissions = new[] { "orders.read" } });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);

        await (await creator.PostAsJsonAsync("/api/api-keys", new { name = "too much", permissions = new[] { "orders.read", "audit.read" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
        await (await app.Admin().PostAsJsonAsync("/api/api-keys", new { name = "platform", permissions = new[] { "platform.tenants.manage" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }

    [Fact]
    public async Task The_key_is_stored_hashed_and_shown_only_once()
    {
        var (id, key) = await CreateAsync(Acme, "once", "orders.read");

        var listed = await app.Admin().GetStringAsync("/api/api-keys");
        Assert.Contains(id.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);

        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select key_hash from identity_api_keys where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.NotEqual(key, stored);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once_on_every_node()
    {
        var (id, key) = await CreateAsync(Acme, "revoked", "orders.read");
        await using var otherNode = new SharedDatabaseApiFactory(app.ConnectionString);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(key, otherNode).GetAsync("/api/orders")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteAsync($"/api/api-keys/{id}")).StatusCode);

        await (await WithKey(key).GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
        await (await WithKey(key, otherNode).GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
    }

    [Fact]
    public async Task Another_tenants_admin_can_neither_list_nor_revoke_the_key()
    {
        var (id, key) = await CreateAsync(Acme, "acme-only", "orders.read");

        var listed = await app.Admin(Globex).GetStringAsync("/api/api-keys");
        Assert.DoesNotContain(id.ToString(), listed, StringComparison.Ordinal);
        await (await app.Admin(Globex).DeleteAsync($"/api/api-keys/{id}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "https://reference.example/problems/not-found");
        Assert.Equal(HttpStatusCode.OK, (await WithKey(key).GetAsync("/api/orders")).StatusCode);
    }

    [Fact]
    public async Task An_expired_key_or_an_unknown_one_is_401_and_bad_input_is_400()
    {
        await (await WithKey("ref_unknown").GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");

        await (await app.Admin().PostAsJsonAsync("/api/api-keys", new { name = "past", permissions = new[] { "orders.read" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");
        await (await app.Admin().PostAsJsonAsync("/api/api-keys", new { name = "", permissions = new[] { "orders.read" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");
        await (await app.Admin().PostAsJsonAsync("/api/api-keys", new { name = "all", permissions = new[] { "*" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.example/problems/validation-failed");

        var soon = await app.Admin().PostAsJsonAsync("/api/api-keys", new { name = "soon", permissions = new[] { "orders.read" }, expiresAt = DateTimeOffset.UtcNow.AddSeconds(2) });
        var key = JsonDocument.Parse(await soon.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await WithKey(key).GetAsync("/api/orders")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await (await WithKey(key).GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
    }

    private async Task<(Guid Id, string Key)> CreateAsync(string tenant, string name, params string[] permissions)
    {
        var response = await app.Admin(tenant).PostAsJsonAsync("/api/api-keys", new { name, permissions });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetGuid(), json.GetProperty("key").GetString()!);
    }

    private HttpClient WithKey(string key, ReferenceApiFactory? node = null)
    {
        var client = (node ?? app).Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
