using System.Net;
using System.Net.Http.Json;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

[Collection(ApiCollection.Name)]
public sealed class OrderEndpointsTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Place_order_returns_201_with_location_etag_and_id_and_version()
    {
        var client = app.Sales();

        var response = await client.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 2, 9.5m), ("SKU-2", 1, 3m)));

        var body = await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, body.Id);
        Assert.Equal(1, body.Version);
        Assert.Equal($"/api/orders/{body.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Get_order_returns_the_order_with_its_etag()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("SKU-1", 2, 9.5m), ("SKU-2", 1, 3m));

        var response = await Eventually.ReturnsAsync(() => GetAtLeastAsync(client, placed.Id, placed.Version), r => r.StatusCode != HttpStatusCode.ServiceUnavailable);

        var order = await response.ReadAsAsync<OrderBody>();
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(placed.Id, order.Id);
        Assert.Equal("Draft", order.Status);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(22m, order.Total);
        Assert.Equal(["SKU-1", "SKU-2"], order.Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task Add_line_returns_the_new_version_and_the_next_read_shows_the_line()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        _ = await GetAsync(client, placed.Id, placed.Version); // a read of version 1 must not be served again after the write

        var response = await AddLineAsync(client, placed.Id, "SKU-9", 3, 2m, ifMatch: "\"1\"");

        var version = await response.ReadAsAsync<VersionBody>();
        Assert.Equal(2, version.Version);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var order = await GetAsync(client, placed.Id, version.Version);
        Assert.Contains(order.Lines, l => l.Sku == "SKU-9" && l.Quantity == 3);
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public async Task Remove_line_removes_it()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("A-1", 1, 1m), ("B-2", 1, 1m));

        var response = await client.DeleteAsync($"/api/orders/{placed.Id}/lines/A-1");

        var removed = await response.ReadAsAsync<VersionBody>();
        Assert.Equal(2, removed.Version);
        Assert.Equal(["B-2"], (await GetAsync(client, placed.Id, removed.Version)).Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task Confirm_confirms_a_draft_order()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var response = await ConfirmAsync(client, placed.Id, ifMatch: "\"1\"");

        var confirmed = await response.ReadAsAsync<VersionBody>();
        Assert.Equal(2, confirmed.Version);
        Assert.Equal("Confirmed", (await GetAsync(client, placed.Id, confirmed.Version)).Status);
    }

    [Fact]
    public async Task Cancel_cancels_a_confirmed_order_with_its_reason()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        (await ConfirmAsync(client, placed.Id)).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "Customer changed their mind" });

        var cancelled = await response.ReadAsAsync<VersionBody>();
        Assert.Equal(3, cancelled.Version);
        var order = await GetAsync(client, placed.Id, cancelled.Version);
        Assert.Equal("Cancelled", order.Status);
        Assert.Equal("Customer changed their mind", order.CancellationReason);
    }

    [Fact]
    public async Task A_viewer_can_read_an_order()
    {
        var placed = await PlaceAsync(app.Sales());

        var order = await GetAsync(app.Viewer(), placed.Id, placed.Version);

        Assert.Equal(placed.Id, order.Id);
    }
}
