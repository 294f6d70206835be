using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Observability.Orders;

/// <summary>
/// The metrics an order causes, as Prometheus scrapes them: the projection lag gauge under the name dashboards use
/// (<c>reference_projection_lag_seconds{projection="order-summary"}</c>), the outbox deliveries and the command's duration.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrderMetricsTests(ReferenceApiFactory app)
{
    [Fact]
    public async Task Placing_an_order_shows_in_the_scrape()
    {
        await OrdersApi.PlaceAsync(app.Sales());

        var scrape = await Eventually.ReturnsAsync(
            async () => (await Scrape.MetricsAsync(app, IPAddress.Loopback)).Body,
            body => Scrape.Lines(body, "reference_projection_lag_seconds").Any(line => line.Contains("projection=\"order-summary\"", StringComparison.Ordinal))
                && Scrape.Lines(body, "reference_outbox_delivered_total").Count > 0);

        Assert.Contains("# TYPE reference_projection_lag_seconds gauge", scrape, StringComparison.Ordinal);
        Assert.Contains(
            Scrape.Lines(scrape, "reference_mediator_message_duration_seconds_count"),
            line => line.Contains("reference_message_name=\"Orders.PlaceOrder\"", StringComparison.Ordinal)
                && line.Contains("reference_message_kind=\"command\"", StringComparison.Ordinal)
                && line.Contains("reference_message_outcome=\"succeeded\"", StringComparison.Ordinal));
    }
}
