using System.Net;
using System.Net.Http.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.IntegrationTests.Api.Tenancy;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>A tenant created through the administration API does business at once, isolated from the others.</summary>
public sealed class NewTenantOrderTests(TenantAdministrationTests.AdministrationApiFactory app)
    : IClassFixture<TenantAdministrationTests.AdministrationApiFactory>, IAsyncLifetime
{
    private const string NewCo = "newco";

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_tenant_places_an_order_that_no_other_tenant_can_see_and_sees_none_of_theirs()
    {
        var platform = app.As("ops@platform", tenantId: null, "platform-admin");
        var acmeOrder = await PlaceAsync(app.Sales(ReferenceApiFactory.Acme));
        (await platform.PostAsJsonAsync("/api/tenants", new { id = NewCo, name = "New Company" })).EnsureSuccessStatusCode();
        var newcoSales = app.Sales(NewCo);

        var placed = await PlaceAsync(newcoSales, ("NEW-1", 2, 7.5m));

        Assert.Equal(15m, (await GetAsync(newcoSales, placed.Id, placed.Version)).Total);
        await (await app.Sales(ReferenceApiFactory.Acme).GetAsync($"/api/orders/{placed.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await app.Sales(ReferenceApiFactory.Globex).GetAsync($"/api/orders/{placed.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await newcoSales.GetAsync($"/api/orders/{acmeOrder.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await ConfirmAsync(app.Sales(ReferenceApiFactory.Acme), placed.Id)).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_deactivated_tenant_can_no_longer_place_orders()
    {
        var platform = app.As("ops@platform", tenantId: null, "platform-admin");
        (await platform.PostAsJsonAsync("/api/tenants", new { id = NewCo, name = "New Company" })).EnsureSuccessStatusCode();
        var newcoSales = app.Sales(NewCo);
        var placed = await PlaceAsync(newcoSales);

        (await platform.PostAsync($"/api/tenants/{NewCo}/deactivate", null)).EnsureSuccessStatusCode();

        await (await newcoSales.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 1m)))).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantDeactivated);
        await (await newcoSales.GetAsync($"/api/orders/{placed.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantDeactivated);
    }
}
