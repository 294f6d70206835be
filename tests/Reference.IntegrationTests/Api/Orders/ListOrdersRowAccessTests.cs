using System.Net;
using System.Net.Http.Json;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// The row access policy on <c>GET /api/orders</c>: sales see only the orders they placed, whatever the filter;
/// roles granted <c>orders.read.all</c> see the whole tenant's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListOrdersRowAccessTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record Item(Guid Id, Guid CustomerId, decimal Total);

    /// <summary>Alice placed two orders (20 and 30), Bob one (50), all in Acme for a customer id unique to the test.</summary>
    private sealed record Seeded(Guid Customer, Guid[] Alices, Guid[] Bobs)
    {
        public string Scoped(string filter) => $"customerId={Customer},({filter})";
    }

    private HttpClient Alice() => app.As("alice@acme", ReferenceApiFactory.Acme, "sales");

    private HttpClient Bob() => app.As("bob@acme", ReferenceApiFactory.Acme, "sales");

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> PlaceAsync(HttpClient client, Guid customerId, decimal price)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            currency = "EUR",
            lines = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = price } },
        });
        return (await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;
    }

    private async Task<Seeded> SeedAsync()
    {
        var customer = Guid.NewGuid();
        var alices = new[] { await PlaceAsync(Alice(), customer, 20m), await PlaceAsync(Alice(), customer, 30m) };
        var bobs = new[] { await PlaceAsync(Bob(), customer, 50m) };
        await Eventually.ReturnsAsync(() => List(app.Admin(), ("filter", $"customerId={customer}")), p => p.TotalCount == 3);
        return new Seeded(customer, alices, bobs);
    }

    private static Task<ListApi.ListPage<Item>> List(HttpClient client, params (string, string)[] query) =>
        ListApi.GetAsync<Item>(client, "/api/orders", query);

    [Fact]
    public async Task Each_sales_user_lists_and_counts_only_the_orders_they_placed()
    {
        var s = await SeedAsync();

        var alice = await List(Alice(), ("filter", $"customerId={s.Customer}"), ("sort", "total"));
        var bob = await List(Bob(), ("filter", $"customerId={s.Customer}"));

        Assert.Equal(s.Alices, alice.Items.Select(i => i.Id));
        Assert.Equal(2, alice.TotalCount);
        Assert.Equal(s.Bobs, bob.Items.Select(i => i.Id));
        Assert.Equal(1, bob.TotalCount);
    }

    [Theory]
    [InlineData("total>0|total<=0")]
    [InlineData("(total=50)|(total!=50)")]
    [InlineData("total=50")]
    [InlineData("status=Draft|status!=Draft")]
    [InlineData("currency=EUR|currency!=EUR")]
    public async Task A_filter_never_widens_a_sales_user_past_their_own_orders(string filter)
    {
        var s = await SeedAsync();

        var page = await List(Alice(), ("filter", s.Scoped(filter)), ("pageSize", "100"));

        Assert.All(page.Items, i => Assert.Contains(i.Id, s.Alices));
        Assert.Equal(page.Items.Count, page.TotalCount);
    }

    [Fact]
    public async Task A_filter_on_who_placed_the_order_is_an_error_not_a_widening()
    {
        await SeedAsync();

        var response = await Alice().GetAsync(ListApi.Url("/api/orders", ("filter", "total>0|placedBy=bob@acme")));

        await response.AssertProblemAsync(
            HttpStatusCode.BadRequest, SharedKernel.Filtering.FilterErrorCodes.ProblemTypeOf(SharedKernel.Filtering.FilterErrorCodes.UnknownField));
    }

    [Fact]
    public async Task Admins_and_viewers_list_every_order_of_the_tenant()
    {
        var s = await SeedAsync();
        Guid[] all = [.. s.Alices, .. s.Bobs];

        var admin = await List(app.Admin(), ("filter", $"customerId={s.Customer}"), ("sort", "total"));
        var viewer = await List(app.Viewer(), ("filter", $"customerId={s.Customer}"), ("sort", "total"));

        Assert.Equal(all, admin.Items.Select(i => i.Id));
        Assert.Equal(3, admin.TotalCount);
        Assert.Equal(all, viewer.Items.Select(i => i.Id));
        Assert.Equal(3, viewer.TotalCount);
    }

    [Fact]
    public async Task Reading_one_order_by_id_follows_the_same_rule_as_the_list()
    {
        var s = await SeedAsync();

        var bob = await Bob().GetAsync($"/api/orders/{s.Alices[0]}");
        var alice = await Alice().GetAsync($"/api/orders/{s.Alices[0]}");
        var viewer = await app.Viewer().GetAsync($"/api/orders/{s.Alices[0]}");

        await bob.AssertProblemAsync(HttpStatusCode.NotFound, Features.Shared.Http.ProblemTypes.NotFound);
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
    }
}
