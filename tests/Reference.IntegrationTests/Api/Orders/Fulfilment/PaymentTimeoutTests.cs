using System.Net.Http.Json;
using static Reference.IntegrationTests.Api.Orders.Fulfilment.FulfilmentApi;

namespace Reference.IntegrationTests.Api.Orders.Fulfilment;

/// <summary>A provider slower than <c>Orders:Fulfilment:PaymentTimeout</c>: the timeout compensates, and so does a user's cancel mid-way.</summary>
[Collection(SlowPaymentCollection.Name)]
public sealed class PaymentTimeoutTests(SlowPaymentApiFactory app)
{
    [Fact]
    public async Task No_payment_answer_in_time_releases_the_reservations_and_cancels_the_order_payment_timeout()
    {
        var sku = NewSku();
        await SetStockAsync(app.Admin(), sku, 2);

        var orderId = await ConfirmedOrderAsync(app.Sales(), (sku, 2, 10m));
        var order = await FinishedAsync(app.Sales(), orderId, TimeSpan.FromSeconds(90));

        Assert.Equal(("Cancelled", "payment-timeout"), (order.Status, order.CancellationCode));
        Assert.Equal(new StockBody(sku, 2, 0, 2), await StockAsync(app.Admin(), sku));
    }

    [Fact]
    public async Task A_user_cancel_during_fulfilment_releases_the_reservations_then_cancels_with_the_users_reason()
    {
        var sku = NewSku();
        await SetStockAsync(app.Admin(), sku, 2);
        var orderId = await ConfirmedOrderAsync(app.Sales(), (sku, 1, 10m));

        var cancel = await app.Sales().PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "found it cheaper" });
        cancel.EnsureSuccessStatusCode();
        var order = await FinishedAsync(app.Sales(), orderId, TimeSpan.FromSeconds(90));

        Assert.Equal(("Cancelled", "cancelled-by-user", "found it cheaper"), (order.Status, order.CancellationCode, order.CancellationReason));
        Assert.Equal(new StockBody(sku, 2, 0, 2), await StockAsync(app.Admin(), sku));
    }
}
