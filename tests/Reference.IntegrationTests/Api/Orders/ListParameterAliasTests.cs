using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Filtering;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// The list contract over HTTP (docs/filtering.md): one documented style (<c>sort</c>, <c>pageSize</c> +
/// <c>cursor</c>) and the spellings existing clients send, kept as aliases that give the same rows: <c>orderBy</c>
/// for <c>sort</c>, <c>limit</c> for <c>pageSize</c>, <c>page</c>/<c>offset</c> windows, <c>createdAt</c> for
/// <c>placedAt</c>. Every spelling answers <c>{ items, page, pageSize, totalCount, nextCursor }</c>, and a page size
/// over the maximum is a 400 in each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListParameterAliasTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record Item(Guid Id, decimal Total, DateTimeOffset PlacedAt);

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Three orders of 10, 20 and 30 for a customer of this test only, placed in that order.</summary>
    private async Task<(Guid Customer, Guid[] ByTotal)> SeedAsync()
    {
        var sales = app.Sales();
        var customer = Guid.NewGuid();
        var ids = new List<Guid>();
        foreach (var price in new[] { 10m, 20m, 30m })
        {
            var response = await sales.PostAsJsonAsync("/api/orders", new
            {
                customerId = customer,
                currency = "EUR",
                lines = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = price } },
            });
            ids.Add((await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id);
        }

        await Eventually.ReturnsAsync(() => List(("filter", $"customerId={customer}")), page => page.TotalCount == 3);
        return (customer, [.. ids]);
    }

    private Task<ListApi.ListPage<Item>> List(params (string, string)[] query) => ListApi.GetAsync<Item>(app.Sales(), "/api/orders", query);

    private async Task<Guid[]> Ids(params (string, string)[] query) => [.. (await List(query)).Items.Select(i => i.Id)];

    [Fact]
    public async Task OrderBy_is_an_alias_of_sort()
    {
        var (customer, byTotal) = await SeedAsync();
        var mine = ("filter", $"customerId={customer}");

        Assert.Equal([byTotal[2], byTotal[1], byTotal[0]], await Ids(mine, ("sort", "-total")));
        Assert.Equal(await Ids(mine, ("sort", "-total")), await Ids(mine, ("orderBy", "total desc")));
        Assert.Equal(await Ids(mine, ("sort", "total,-placedAt")), await Ids(mine, ("orderBy", "total asc, placedAt desc")));
    }

    [Fact]
    public async Task Page_limit_and_offset_are_aliases_of_the_cursor_window()
    {
        var (customer, byTotal) = await SeedAsync();
        var mine = ("filter", $"customerId={customer}");
        var sorted = ("sort", "total");

        var first = await List(mine, sorted, ("pageSize", "1"));
        var byCursor = await Ids(mine, sorted, ("pageSize", "1"), ("cursor", first.NextCursor!));

        Assert.Equal([byTotal[0]], first.Items.Select(i => i.Id));
        Assert.Equal([byTotal[1]], byCursor);
        Assert.Equal(byCursor, await Ids(mine, sorted, ("page", "2"), ("pageSize", "1")));
        Assert.Equal(byCursor, await Ids(mine, sorted, ("limit", "1"), ("offset", "1")));
        Assert.Equal([byTotal[1]], await Ids(mine, sorted, ("limit", "1"), ("cursor", first.NextCursor!)));
    }

    [Fact]
    public async Task CreatedAt_is_an_alias_of_placedAt_in_filters_and_sorts()
    {
        var (customer, byTotal) = await SeedAsync();
        var mine = ("filter", $"customerId={customer}");
        var all = await List(mine, ("sort", "placedAt"));
        var since = all.Items[1].PlacedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(byTotal, await Ids(mine, ("sort", "createdAt")));
        Assert.Equal(await Ids(mine, ("sort", "-placedAt")), await Ids(mine, ("orderBy", "createdAt desc")));
        Assert.Equal(
            await Ids(("filter", $"customerId={customer},placedAt>={since}"), ("sort", "total")),
            await Ids(("filter", $"customerId={customer},createdAt>={since}"), ("sort", "total")));
        Assert.Equal([byTotal[1], byTotal[2]], await Ids(("filter", $"customerId={customer},createdAt>={since}"), ("sort", "total")));
    }

    [Theory]
    [InlineData("pageSize=100")]
    [InlineData("pageSize=1&page=2")]
    [InlineData("limit=1&offset=1")]
    [InlineData("pageSize=1&sort=total")]
    public async Task Every_paging_style_answers_the_same_body_shape(string paging)
    {
        var (customer, _) = await SeedAsync();

        var response = await app.Sales().GetAsync(new Uri($"/api/orders?filter=customerId%3D{customer}&{paging}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.EnumerateObject().Select(property => property.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "items", "page", "pageSize", "totalCount", "nextCursor" }, names);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("items").ValueKind);
        Assert.Equal(3, body.RootElement.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("pageSize", "101")]
    [InlineData("limit", "101")]
    [InlineData("pageSize", "1000000")]
    public async Task A_page_size_over_the_maximum_is_a_400_in_every_spelling(string parameter, string value)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", (parameter, value)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.PageSizeTooLarge));
        Assert.Equal(parameter, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("sort=total&orderBy=total desc", FilterErrorCodes.InvalidSort)]
    [InlineData("pageSize=5&limit=5", FilterErrorCodes.InvalidPaging)]
    [InlineData("page=2&offset=5", FilterErrorCodes.InvalidPaging)]
    [InlineData("page=2&cursor=abc", FilterErrorCodes.InvalidPaging)]
    public async Task A_documented_name_and_its_alias_together_are_an_error_not_a_guess(string query, string code)
    {
        var response = await app.Sales().GetAsync(new Uri("/api/orders?" + query.Replace(" ", "%20", StringComparison.Ordinal), UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
