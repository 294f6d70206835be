using System.Net;
using System.Net.Http.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Orders.Fulfilment.FulfilmentApi;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders.Fulfilment;

/// <summary>Order fulfilment end to end over HTTP on PostgreSQL: confirm reserves, pays, or compensates and cancels with a code.</summary>
[Collection(FulfilmentCollection.Name)]
public sealed class OrderFulfilmentTests(FulfilmentApiFactory app)
{
    [Fact]
    public async Task A_confirmed_order_with_stock_reserves_every_line_and_ends_Paid()
    {
        var (first, second) = (NewSku(), NewSku());
        await SetStockAsync(app.Admin(), first, 5);
        await SetStockAsync(app.Admin(), second, 1);

        var orderId = await ConfirmedOrderAsync(app.Sales(), (first, 2, 10m), (second, 1, 5m));
        var order = await FinishedAsync(app.Sales(), orderId);

        Assert.Equal(("Paid", null), (order.Status, order.CancellationCode));
        Assert.Equal(new StockBody(first, 5, 2, 3), await StockAsync(app.Admin(), first));
        Assert.Equal(new StockBody(second, 1, 1, 0), await StockAsync(app.Admin(), second));
    }

    [Fact]
    public async Task A_line_out_of_stock_releases_what_was_reserved_and_cancels_the_order_out_of_stock()
    {
        var (stocked, missing) = (NewSku(), NewSku());
        await SetStockAsync(app.Admin(), stocked, 5);

        var orderId = await ConfirmedOrderAsync(app.Sales(), (stocked, 2, 10m), (missing, 1, 5m));
        var order = await FinishedAsync(app.Sales(), orderId);

        Assert.Equal(("Cancelled", "out-of-stock"), (order.Status, order.CancellationCode));
        Assert.Equal(new StockBody(stocked, 5, 0, 5), await StockAsync(app.Admin(), stocked));
        await (await app.Admin().GetAsync($"/api/inventory/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_declined_payment_releases_the_reservations_and_cancels_the_order_payment_declined()
    {
        var sku = NewSku();
        await SetStockAsync(app.Admin(), sku, 3);

        var orderId = await ConfirmedOrderAsync(app.Sales(), (sku, 2, FulfilmentApiFactory.DeclineAbove));
        var order = await FinishedAsync(app.Sales(), orderId);

        Assert.Equal(("Cancelled", "payment-declined"), (order.Status, order.CancellationCode));
        Assert.Equal(new StockBody(sku, 3, 0, 3), await StockAsync(app.Admin(), sku));
    }

    [Fact]
    public async Task A_user_cancel_of_a_draft_keeps_the_reason_and_gets_code_cancelled_by_user()
    {
        var placed = await PlaceAsync(app.Sales(), (NewSku(), 1, 10m));
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{placed.Id}/cancel") { Content = JsonContent.Create(new { reason = "changed my mind" }) };
        (await app.Sales().SendAsync(cancel)).EnsureSuccessStatusCode();

        var order = await FinishedAsync(app.Sales(), placed.Id);
        Assert.Equal(("Cancelled", "cancelled-by-user", "changed my mind"), (order.Status, order.CancellationCode, order.CancellationReason));
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_change_the_stock_or_the_orders_of_a_tenant()
    {
        var sku = NewSku();
        await SetStockAsync(app.Admin(), sku, 4);
        var orderId = await ConfirmedOrderAsync(app.Sales(), (sku, 1, 10m));
        await FinishedAsync(app.Sales(), orderId);

        var globex = app.Admin(ReferenceApiFactory.Globex);
        await (await globex.GetAsync($"/api/inventory/{sku}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await globex.GetAsync($"/api/orders/{orderId}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await ConfirmAsync(globex, orderId)).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);

        // The same SKU in the other tenant is that tenant's own stock, and leaves the first one's alone.
        await SetStockAsync(globex, sku, 100);
        Assert.Equal(new StockBody(sku, 100, 0, 100), await StockAsync(globex, sku));
        Assert.Equal(new StockBody(sku, 4, 1, 3), await StockAsync(app.Admin(), sku));
    }

    [Fact]
    public async Task Setting_stock_needs_inventory_manage()
    {
        var response = await app.Sales().PutAsJsonAsync($"/api/inventory/{NewSku()}", new { onHand = 3 });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task Fifty_orders_confirmed_at_once_for_twenty_units_end_twenty_Paid_and_thirty_out_of_stock()
    {
        var sku = NewSku();
        await SetStockAsync(app.Admin(), sku, 20);
        var placed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PlaceAsync(app.Sales(), (sku, 1, 10m))));

        var confirms = await Task.WhenAll(placed.Select(p => ConfirmAsync(app.Sales(), p.Id)));
        Assert.All(confirms, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var finished = await Task.WhenAll(placed.Select(p => FinishedAsync(app.Sales(), p.Id, TimeSpan.FromSeconds(120))));

        Assert.Equal(20, finished.Count(o => o.Status == "Paid"));
        Assert.Equal(30, finished.Count(o => o is { Status: "Cancelled", CancellationCode: "out-of-stock" }));
        Assert.Equal(new StockBody(sku, 20, 20, 0), await StockAsync(app.Admin(), sku));
        await Eventually.ReturnsAsync(() => UnfinishedInstancesAsync(app.ConnectionString), n => n == 0);
    }

    [Fact]
    public async Task Operators_list_and_read_their_tenants_instances_and_another_tenant_gets_404()
    {
        var sku = NewSku();
        var orderId = await ConfirmedOrderAsync(app.Sales(), (sku, 1, 10m));
        await FinishedAsync(app.Sales(), orderId);

        var list = await Eventually.ReturnsAsync(
            async () => await (await app.Admin().GetAsync($"/api/admin/processes?filter=correlation%3D{orderId}")).ReadAsAsync<ProcessList>(),
            l => l.Items.Count == 1 && l.Items[0].State == "Failed");
        var summary = Assert.Single(list.Items);
        Assert.Equal(("order-fulfilment", $"reserve:{sku}", "out-of-stock"), (summary.Type, summary.Step, summary.FailureCode));

        var details = await (await app.Admin().GetAsync($"/api/admin/processes/{summary.Id}")).ReadAsAsync<ProcessBody>();
        Assert.Equal(["inventory.reserve", "inventory.release", "orders.cancel-fulfilment"], details.Commands.Select(c => c.Name));
        Assert.Equal(["Refused", "Dispatched", "Dispatched"], details.Commands.Select(c => c.Status));
        Assert.Contains(details.History, h => h.What == "failed: out-of-stock");

        await (await app.Admin(ReferenceApiFactory.Globex).GetAsync($"/api/admin/processes/{summary.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var globexList = await (await app.Admin(ReferenceApiFactory.Globex).GetAsync($"/api/admin/processes?filter=correlation%3D{orderId}")).ReadAsAsync<ProcessList>();
        Assert.Empty(globexList.Items);
        await (await app.Sales().GetAsync("/api/admin/processes")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    private sealed record ProcessList(List<ProcessRow> Items);

    private sealed record ProcessRow(Guid Id, string Type, string State, string? Step, string? FailureCode);

    private sealed record ProcessBody(Guid Id, List<CommandRow> Commands, List<HistoryRow> History);

    private sealed record CommandRow(string Name, string Status);

    private sealed record HistoryRow(string What);
}
