using System.Net;
using System.Net.Http.Json;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.FeatureFlags.Orders;

/// <summary>
/// The sample flag: <c>OrderCancellation</c> gates <c>POST /api/orders/{id}/cancel</c>, on for every tenant in the
/// shipped appsettings.json; here turned off for globex only.
/// </summary>
public sealed class OrderCancellationFlagTests(OrderCancellationFlagTests.GlobexWithoutCancellation app)
    : IClassFixture<OrderCancellationFlagTests.GlobexWithoutCancellation>
{
    [Fact]
    public async Task Cancelling_is_absent_for_the_tenant_the_flag_is_off_for_and_works_for_the_others()
    {
        var acmeOrder = await OrdersApi.PlaceAsync(app.Sales(ReferenceApiFactory.Acme));
        var globexOrder = await OrdersApi.PlaceAsync(app.Sales(ReferenceApiFactory.Globex));

        var acme = await app.Sales(ReferenceApiFactory.Acme).PostAsJsonAsync($"/api/orders/{acmeOrder.Id}/cancel", new { reason = "changed my mind" });
        var globex = await app.Sales(ReferenceApiFactory.Globex).PostAsJsonAsync($"/api/orders/{globexOrder.Id}/cancel", new { reason = "changed my mind" });

        Assert.NotEqual(HttpStatusCode.NotFound, acme.StatusCode);
        Assert.True(acme.IsSuccessStatusCode, $"acme's cancel answered {(int)acme.StatusCode}: {await acme.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, globex.StatusCode);

        // Placing orders is not gated: globex still works, only the cancel endpoint is gone.
        Assert.Equal(HttpStatusCode.Created, (await app.Sales(ReferenceApiFactory.Globex).PostAsJsonAsync("/api/orders", OrdersApi.NewOrder(("SKU-1", 1, 1m)))).StatusCode);
    }

    public sealed class GlobexWithoutCancellation : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["FeatureManagement:OrderCancellation"] = null;
            settings["FeatureManagement:OrderCancellation:EnabledFor:0:Name"] = "Tenants";
            settings["FeatureManagement:OrderCancellation:EnabledFor:0:Parameters:Percentage"] = "100";
            settings["FeatureManagement:OrderCancellation:EnabledFor:0:Parameters:Excluded:0"] = Globex;
            return settings;
        }
    }
}
