using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Orders;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary>
/// The Customers slice's field-level merge: a writer that loaded a customer before someone else committed is merged
/// when the two changed different fields and refused (409) when they changed the same one.
/// </summary>
public sealed class CustomerMergeTests(GatedCustomersApiFactory app) : IClassFixture<GatedCustomersApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record CustomerBody(Guid Id, string Name, string Email, long Version);

    [Fact]
    public async Task A_rename_and_a_concurrent_email_change_are_both_applied()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Ada", "ada@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = RenameAsync(app.Sales(), id, "Ada Lovelace");
        await loaded;
        (await ChangeEmailAsync(client, id, "Countess@Example.test")).EnsureSuccessStatusCode();
        release();

        var renamed = await (await slow).ReadAsAsync<VersionBody>();
        Assert.Equal(3, renamed.Version);
        Assert.Equal(new CustomerBody(id, "Ada Lovelace", "countess@example.test", 3), await ReadAsync(client, id));
        Assert.Equal(["customers.customer_registered", "customers.customer_email_changed", "customers.customer_renamed"], await EventTypesAsync(id));
    }

    [Fact]
    public async Task An_email_change_and_a_concurrent_rename_are_both_applied()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Grace", "grace@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = ChangeEmailAsync(app.Sales(), id, "hopper@example.test");
        await loaded;
        (await RenameAsync(client, id, "Grace Hopper")).EnsureSuccessStatusCode();
        release();

        Assert.Equal(3, (await (await slow).ReadAsAsync<VersionBody>()).Version);
        Assert.Equal(new CustomerBody(id, "Grace Hopper", "hopper@example.test", 3), await ReadAsync(client, id));
    }

    [Fact]
    public async Task Two_concurrent_renames_conflict_and_the_loser_gets_409()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Linus", "linus@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = RenameAsync(app.Sales(), id, "Slow Name");
        await loaded;
        (await RenameAsync(client, id, "Fast Name")).EnsureSuccessStatusCode();
        release();

        var problem = await (await slow).AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ConcurrencyConflict);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(new CustomerBody(id, "Fast Name", "linus@example.test", 2), await ReadAsync(client, id));
    }

    [Fact]
    public async Task Two_concurrent_email_changes_conflict_and_the_loser_gets_409()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Barbara", "barbara@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = ChangeEmailAsync(app.Sales(), id, "slow@example.test");
        await loaded;
        (await ChangeEmailAsync(client, id, "fast@example.test")).EnsureSuccessStatusCode();
        release();

        await (await slow).AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ConcurrencyConflict);
        Assert.Equal("fast@example.test", (await ReadAsync(client, id)).Email);
    }

    [Fact]
    public async Task With_if_match_a_merge_is_not_attempted_and_the_loser_gets_412()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Edsger", "edsger@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = RenameAsync(app.Sales(), id, "Edsger Dijkstra", ifMatch: "\"1\"");
        await loaded;
        (await ChangeEmailAsync(client, id, "ewd@example.test")).EnsureSuccessStatusCode();
        release();

        await (await slow).AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(new CustomerBody(id, "Edsger", "ewd@example.test", 2), await ReadAsync(client, id));
    }

    [Fact]
    public async Task A_merged_command_is_audited_once_as_succeeded()
    {
        var client = app.Sales();
        var id = await RegisterAsync(client, "Alan", "alan@example.test");
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = RenameAsync(app.Sales(), id, "Alan Turing");
        await loaded;
        (await ChangeEmailAsync(client, id, "turing@example.test")).EnsureSuccessStatusCode();
        release();
        (await slow).EnsureSuccessStatusCode();

        Assert.Equal([("Customers.ChangeCustomerEmail", "Succeeded"), ("Customers.RenameCustomer", "Succeeded")], await AuditOutcomesAsync(id));
    }

    [Fact]
    public async Task Another_tenants_customer_is_not_found_and_a_bad_address_is_400()
    {
        var id = await RegisterAsync(app.Sales(), "Hedy", "hedy@example.test");

        var foreign = await ChangeEmailAsync(app.Sales(ReferenceApiFactory.Globex), id, "hacked@example.test");
        var invalid = await ChangeEmailAsync(app.Sales(), id, "not-an-email");

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal("hedy@example.test", (await ReadAsync(app.Sales(), id)).Email);
    }

    private async Task<Guid> RegisterAsync(HttpClient client, string name, string email) =>
        (await (await client.PostAsJsonAsync("/api/customers", new { name, email })).ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;

    private static async Task<CustomerBody> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/customers/{id}")).ReadAsAsync<CustomerBody>();

    private static Task<HttpResponseMessage> RenameAsync(HttpClient client, Guid id, string name, string? ifMatch = null) =>
        PutAsync(client, $"/api/customers/{id}/name", new { name }, ifMatch);

    private static Task<HttpResponseMessage> ChangeEmailAsync(HttpClient client, Guid id, string email, string? ifMatch = null) =>
        PutAsync(client, $"/api/customers/{id}/email", new { email }, ifMatch);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private async Task<List<string>> EventTypesAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT event_type FROM events WHERE stream_id = @id ORDER BY stream_version", connection);
        command.Parameters.AddWithValue("id", id.ToString());
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private async Task<List<(string Action, string Outcome)>> AuditOutcomesAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT action, outcome FROM audit_log WHERE resource_id = @id AND action <> 'Customers.RegisterCustomer' ORDER BY action", connection);
        command.Parameters.AddWithValue("id", id.ToString());
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
