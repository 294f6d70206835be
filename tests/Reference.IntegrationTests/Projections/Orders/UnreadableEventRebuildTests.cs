using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections.Orders;

/// <summary>
/// A rebuild must produce a complete generation, so it stops at the first event it cannot read and says where in
/// the projection's status (<c>GET /api/admin/projections/{name}</c>); the serving generation keeps serving.
/// </summary>
public sealed class UnreadableEventRebuildTests(PoisonEventApiFactory app) : IClassFixture<PoisonEventApiFactory>
{
    private sealed record GenerationBody(string Projection, int Generation, string Status, long EventsProcessed, string? LastError);

    [Fact]
    public async Task A_rebuild_stops_at_an_unreadable_event_with_its_position_and_type_in_the_status()
    {
        var sales = app.Sales();
        var placed = await OrdersApi.PlaceAsync(sales);
        var bad = EventRows.Unreadable[0];
        var (_, position) = await EventRows.InsertAsync(app.ConnectionString, ReferenceApiFactory.Acme, bad);
        var later = await OrdersApi.PlaceAsync(sales);
        var operations = app.WithToken(TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, ["admin"], ["platform.projections.manage"]));
        var serving = await Eventually.ReturnsAsync(
            () => GenerationsAsync(operations),
            g => g.Any(x => x.Status == "Live" && x.EventsProcessed >= 3));

        // What the Hangfire job behind POST .../rebuild runs, called directly: the job client is process-wide state in Hangfire.
        var rebuilder = app.Services.GetRequiredService<ProjectionRebuilder>();
        int generation;
        using (app.Services.GetRequiredService<ITenantContext>().BeginSystemScope())
        {
            generation = await rebuilder.StartAsync("order-summary", CancellationToken.None);
            await Assert.ThrowsAsync<ProjectionRebuildFailedException>(() => rebuilder.RunAsync("order-summary", generation, CancellationToken.None));
        }

        var failed = Assert.Single(await GenerationsAsync(operations), g => g.Generation == generation);
        Assert.Equal("Failed", failed.Status);
        Assert.Contains(bad.EventType, failed.LastError, StringComparison.Ordinal);
        Assert.Contains($"position {position.Position.ToString(CultureInfo.InvariantCulture)}", failed.LastError, StringComparison.Ordinal);
        Assert.Contains($"transaction {position.TransactionId.ToString(CultureInfo.InvariantCulture)}", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(serving, g => g.Status == "Live" && g.Generation < generation);
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync($"/api/orders/{later.Id}")).StatusCode);
        Assert.NotEqual(placed.Id, later.Id);
    }

    private static async Task<List<GenerationBody>> GenerationsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<GenerationBody>>("/api/admin/projections/order-summary"))!;
}
