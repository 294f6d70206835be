using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Projections;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Projections;

/// <summary>Through real HTTP: a command's effect shows up in the order summary read model.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderSummaryEndToEndTests(ReferenceApiFactory app)
{
    private sealed record ListBody(List<ItemBody> Items, int TotalCount, int Page, int PageSize);

    private sealed record GenerationBody(string Projection, int Generation, string Status, long EventsProcessed, long? RebuildTotal, double? RebuildProgress, double EventsPerSecond);

    private sealed record ItemBody(Guid Id, Guid CustomerId, string Currency, string Status, int LineCount, decimal Total, long Version);

    private static async Task<ItemBody?> FindAsync(HttpClient client, Guid orderId)
    {
        var response = await client.GetAsync("/api/orders?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ListBody>();
        return body!.Items.FirstOrDefault(i => i.Id == orderId);
    }

    [Fact]
    public async Task A_placed_order_appears_in_the_list_and_follows_later_commands()
    {
        var sales = app.Sales();
        var placed = await OrdersApi.PlaceAsync(sales, ("SKU-1", 2, 10m), ("SKU-2", 1, 5m));

        var summary = await Eventually.ReturnsAsync(() => FindAsync(sales, placed.Id), s => s is not null);
        Assert.Equal(("Draft", 2, 25m), (summary!.Status, summary.LineCount, summary.Total));

        Assert.Equal(HttpStatusCode.OK, (await OrdersApi.AddLineAsync(sales, placed.Id, "SKU-3", 3, 1m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OrdersApi.ConfirmAsync(sales, placed.Id)).StatusCode);

        var confirmed = await Eventually.ReturnsAsync(() => FindAsync(sales, placed.Id), s => s?.Status == "Confirmed");
        Assert.Equal((3, 28m, 3L), (confirmed!.LineCount, confirmed.Total, confirmed.Version));
    }

    [Fact]
    public async Task Another_tenant_never_sees_the_order_in_its_list()
    {
        var placed = await OrdersApi.PlaceAsync(app.Sales(ReferenceApiFactory.Acme));
        await Eventually.ReturnsAsync(() => FindAsync(app.Sales(ReferenceApiFactory.Acme), placed.Id), s => s is not null);

        Assert.Null(await FindAsync(app.Sales(ReferenceApiFactory.Globex), placed.Id));
    }

    [Fact]
    public async Task Listing_filters_by_status_and_rejects_bad_paging_with_a_problem()
    {
        var sales = app.Sales();
        var placed = await OrdersApi.PlaceAsync(sales);
        await Eventually.ReturnsAsync(() => FindAsync(sales, placed.Id), s => s is not null);

        var confirmedOnly = await (await sales.GetAsync("/api/orders?filter=status%3DConfirmed&pageSize=100")).Content.ReadFromJsonAsync<ListBody>();
        Assert.DoesNotContain(confirmedOnly!.Items, i => i.Id == placed.Id);

        var bad = await sales.GetAsync("/api/orders?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Projection_admin_endpoints_are_for_platform_operators_only()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Sales().GetAsync("/api/admin/projections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Admin().GetAsync("/api/admin/projections")).StatusCode);

        var admin = PlatformOperator();
        var placed = await OrdersApi.PlaceAsync(app.Sales());
        await Eventually.ReturnsAsync(() => FindAsync(app.Sales(), placed.Id), s => s is not null);
        var status = await admin.GetAsync("/api/admin/projections");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("order-summary", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuilds_progress_shows_events_done_out_of_total_on_the_status_endpoints()
    {
        var admin = PlatformOperator();
        var placed = await OrdersApi.PlaceAsync(app.Sales());
        await Eventually.ReturnsAsync(() => FindAsync(app.Sales(), placed.Id), s => s is not null);

        // What the Hangfire job behind POST .../rebuild runs, called directly: the job client is process-wide state in Hangfire.
        var rebuilder = app.Services.GetRequiredService<ProjectionRebuilder>();
        var clock = Stopwatch.StartNew();
        int generation;
        using (app.Services.GetRequiredService<ITenantContext>().BeginSystemScope())
        {
            generation = await rebuilder.StartAsync("order-summary", CancellationToken.None);
            await rebuilder.RunAsync("order-summary", generation, CancellationToken.None);
        }

        var generations = await admin.GetFromJsonAsync<List<GenerationBody>>("/api/admin/projections/order-summary");
        var elapsed = clock.Elapsed;
        // The generation it replaced stays listed (Live until the daemon following it retires it, then Retired).
        var rebuilt = generations!.Single(g => g.Generation == generation);
        Assert.Equal("Live", rebuilt.Status);
        Assert.NotNull(rebuilt.RebuildTotal);
        Assert.InRange(rebuilt.RebuildTotal!.Value, 1, rebuilt.EventsProcessed);
        Assert.Equal(1.0, rebuilt.RebuildProgress);

        // The generation was created and last updated within the measured time, so its average rate is at least
        // the events it processed over that time (less the rounding to one decimal).
        Assert.InRange(rebuilt.EventsPerSecond, (rebuilt.EventsProcessed / elapsed.TotalSeconds) - 0.05, double.MaxValue);
        Assert.All(generations!.Where(g => g.RebuildTotal is null), g => Assert.Null(g.RebuildProgress));

        var all = await admin.GetFromJsonAsync<List<GenerationBody>>("/api/admin/projections");
        Assert.Contains(all!, g => g.Projection == "order-summary" && g.Generation == rebuilt.Generation && g.RebuildTotal == rebuilt.RebuildTotal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/projections/no-such-projection")).StatusCode);
    }

    private HttpClient PlatformOperator() => app.As("ops@platform", tenantId: null, "platform-admin");
}
