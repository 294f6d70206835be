using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Features.Customers.Events;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary>
/// Rows written as an old deployment wrote them (customers.customer_registered at schema 1: <c>fullName</c>,
/// <c>emailAddress</c> as typed) are read at schema 3 through the chain of the slice's two upcasters: by stream reads,
/// by the live customer-summary projection and by its rebuild.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerUpcastingTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record GenerationBody(string Projection, int Generation, string Status, long EventsProcessed, string? LastError);

    private sealed record CustomerItem(Guid Id, string Name, string Email);

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_schema_1_registration_reads_as_schema_3_in_the_stream_in_the_projection_and_in_a_rebuild()
    {
        var id = Guid.NewGuid();
        await InsertV1StreamAsync(id);

        List<StoredEventView> stream;
        await using (var scope = app.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(ReferenceApiFactory.Acme))
        {
            stream = await scope.ServiceProvider.GetRequiredService<IEventStore>().ReadStreamAsync(id.ToString())
                .Select(e => new StoredEventView(e.SchemaVersion, e.Data)).ToListAsync();
        }

        var live = await Eventually.ReturnsAsync(() => FindAsync(id), c => c?.Name == "Ada Lovelace");

        var rebuilder = app.Services.GetRequiredService<ProjectionRebuilder>();
        int generation;
        using (app.Services.GetRequiredService<ITenantContext>().BeginSystemScope())
        {
            generation = await rebuilder.StartAsync("customer-summary", CancellationToken.None);
            await rebuilder.RunAsync("customer-summary", generation, CancellationToken.None);
        }

        var operations = app.WithToken(TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, ["admin"], ["platform.projections.manage"]));
        var rebuilt = await Eventually.ReturnsAsync(
            async () => (await operations.GetFromJsonAsync<List<GenerationBody>>("/api/admin/projections/customer-summary"))!,
            g => g.Any(x => x.Generation == generation && x.Status == "Live"));
        var afterRebuild = await FindAsync(id);

        Assert.Equal(1, stream[0].SchemaVersion);
        var registered = Assert.IsType<CustomerRegistered>(stream[0].Data);
        Assert.Equal((id, "Ada", "ada@example.test"), (registered.CustomerId, registered.Name, registered.Email));
        Assert.Equal(new CustomerItem(id, "Ada Lovelace", "ada@example.test"), live);
        Assert.Equal(2, Assert.Single(rebuilt, g => g.Generation == generation).EventsProcessed);
        Assert.Equal(new CustomerItem(id, "Ada Lovelace", "ada@example.test"), afterRebuild);
    }

    private sealed record StoredEventView(int SchemaVersion, object Data);

    private async Task<CustomerItem?> FindAsync(Guid id) =>
        (await ListApi.GetAsync<CustomerItem>(app.Sales(), "/api/customers", ("pageSize", "100"))).Items.SingleOrDefault(c => c.Id == id);

    private async Task InsertV1StreamAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH stream AS (
                INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at)
                VALUES ('acme', @stream, 'Customer', 2, false, now(), now()))
            INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at)
            VALUES ('acme', @stream, 1, @first, 'customers.customer_registered', 1, @registered::jsonb, '{}'::jsonb, now()),
                   ('acme', @stream, 2, @second, 'customers.customer_renamed', 1, @renamed::jsonb, '{}'::jsonb, now())
            """,
            connection);
        command.Parameters.AddWithValue("stream", id.ToString());
        command.Parameters.AddWithValue("first", Guid.NewGuid());
        command.Parameters.AddWithValue("second", Guid.NewGuid());
        command.Parameters.AddWithValue("registered", $$"""{"customerId":"{{id}}","fullName":"Ada","emailAddress":"  ADA@Example.TEST "}""");
        command.Parameters.AddWithValue("renamed", $$"""{"customerId":"{{id}}","previousName":"Ada","name":"Ada Lovelace"}""");
        Assert.Equal(2, await command.ExecuteNonQueryAsync());
    }
}
