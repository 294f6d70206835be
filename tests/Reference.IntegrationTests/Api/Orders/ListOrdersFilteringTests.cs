using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.Features.Orders;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Filtering;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary><c>GET /api/orders</c> through real HTTP on PostgreSQL: filter, sort and page the order summaries.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListOrdersFilteringTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record Item(Guid Id, Guid CustomerId, string Currency, string Status, int LineCount, int ItemCount, decimal Total);

    /// <summary>
    /// Acme: small (20, Draft, 1 line), medium (25, Draft, 2 lines), large (100, Confirmed, 1 line); Globex: one of 20.
    /// All four share a customer id unique to the test, which every query filters on: read models outlive the
    /// database reset, and the shared id makes the foreign order a match in everything but its tenant.
    /// </summary>
    private sealed record Seeded(Guid Small, Guid Medium, Guid Large, Guid Foreign, Guid Customer)
    {
        public string Scoped(string filter) => $"customerId={Customer},({filter})";
    }

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> PlaceAsync(HttpClient client, Guid customerId, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            currency = "EUR",
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = l.Price }).ToArray(),
        });
        return (await response.ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;
    }

    private async Task<Seeded> SeedAsync()
    {
        var acme = app.Sales(ReferenceApiFactory.Acme);
        var globex = app.Sales(ReferenceApiFactory.Globex);
        var customer = Guid.NewGuid();
        var small = await PlaceAsync(acme, customer, ("SKU-1", 2, 10m));
        var medium = await PlaceAsync(acme, customer, ("SKU-1", 1, 10m), ("SKU-2", 3, 5m));
        var large = await PlaceAsync(acme, customer, ("SKU-9", 1, 100m));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(acme, large)).StatusCode);
        var foreign = await PlaceAsync(globex, customer, ("SKU-1", 2, 10m));
        var seeded = new Seeded(small, medium, large, foreign, customer);

        await Eventually.ReturnsAsync(() => List(acme, ("filter", seeded.Scoped("status=Confirmed"))), p => p.TotalCount == 1);
        await Eventually.ReturnsAsync(() => List(acme, ("filter", $"customerId={customer}")), p => p.TotalCount == 3);
        await Eventually.ReturnsAsync(() => List(globex, ("filter", $"customerId={customer}")), p => p.TotalCount == 1);
        return seeded;
    }

    private static Task<ListApi.ListPage<Item>> List(HttpClient client, params (string, string)[] query) =>
        ListApi.GetAsync<Item>(client, "/api/orders", query);

    private static async Task<List<Guid>> Ids(HttpClient client, params (string, string)[] query) =>
        [.. (await List(client, query)).Items.Select(i => i.Id)];

    [Fact]
    public async Task Filters_in_both_syntaxes_select_the_matching_orders()
    {
        var s = await SeedAsync();
        var sales = app.Sales();

        Assert.Equal([s.Large, s.Medium], await Ids(sales, ("filter", s.Scoped("total>=25")), ("sort", "-total")));
        Assert.Equal([s.Large], await Ids(sales, ("filter", s.Scoped("status=confirmed"))));
        Assert.Equal([s.Medium], await Ids(sales, ("filter", $"customerId:eq:{s.Customer},status:in:Draft;Confirmed,lineCount:gt:1")));
        Assert.Equal([s.Small, s.Large], await Ids(sales, ("filter", s.Scoped("total=20|status=Confirmed")), ("sort", "total")));
        Assert.Equal([s.Small, s.Medium], await Ids(sales, ("filter", s.Scoped("status!=Confirmed,currency=EUR")), ("orderBy", "total asc")));
    }

    [Fact]
    public async Task Sorting_orders_by_the_requested_fields_with_the_newest_first_by_default()
    {
        var s = await SeedAsync();
        var sales = app.Sales();

        Assert.Equal([s.Large, s.Medium, s.Small], await Ids(sales, ("filter", $"customerId={s.Customer}"), ("orderBy", "total desc")));
        Assert.Equal([s.Small, s.Medium, s.Large], await Ids(sales, ("filter", $"customerId={s.Customer}"), ("sort", "total")));
        Assert.Equal([s.Large, s.Medium, s.Small], await Ids(sales, ("filter", $"customerId={s.Customer}")));
    }

    [Fact]
    public async Task Paging_by_page_by_offset_and_by_cursor_returns_consistent_windows()
    {
        var s = await SeedAsync();
        var sales = app.Sales();

        var second = await List(sales, ("filter", $"customerId={s.Customer}"), ("sort", "total"), ("page", "2"), ("pageSize", "2"));
        Assert.Equal((2, 2, 3), (second.Page!.Value, second.PageSize, second.TotalCount));
        Assert.Equal([s.Large], second.Items.Select(i => i.Id));

        Assert.Equal([s.Medium], await Ids(sales, ("filter", $"customerId={s.Customer}"), ("sort", "total"), ("limit", "1"), ("offset", "1")));

        var first = await List(sales, ("filter", $"customerId={s.Customer}"), ("sort", "total"), ("pageSize", "2"));
        Assert.Equal([s.Small, s.Medium], first.Items.Select(i => i.Id));
        Assert.NotNull(first.NextCursor);
        var next = await List(sales, ("filter", $"customerId={s.Customer}"), ("sort", "total"), ("pageSize", "2"), ("cursor", first.NextCursor!));
        Assert.Equal([s.Large], next.Items.Select(i => i.Id));
        Assert.Null(next.NextCursor);
    }

    [Theory]
    [InlineData("filter", "colour=red", FilterErrorCodes.UnknownField, "colour")]
    [InlineData("filter", "total=abc", FilterErrorCodes.InvalidValue, "total")]
    [InlineData("filter", "status=Shipped7", FilterErrorCodes.InvalidValue, "status")]
    [InlineData("filter", "status=1", FilterErrorCodes.InvalidValue, "status")]
    [InlineData("filter", "(total>5", FilterErrorCodes.UnbalancedParentheses, null)]
    [InlineData("pageSize", "101", FilterErrorCodes.PageSizeTooLarge, null)]
    [InlineData("orderBy", "colour desc", FilterErrorCodes.UnknownSortField, "colour")]
    [InlineData("sort", "customerId", FilterErrorCodes.SortNotAllowed, "customerId")]
    [InlineData("page", "first", FilterErrorCodes.InvalidPaging, "page")]
    public async Task Bad_list_input_is_a_400_problem_with_the_code_type(string parameter, string value, string code, string? field)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", (parameter, value)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task An_error_points_at_the_position_of_the_fault()
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("filter", "total>5,colour=red")));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.UnknownField));
        Assert.Equal(8, problem.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_repeated_list_parameter_is_rejected_rather_than_guessed()
    {
        var response = await app.Sales().GetAsync("/api/orders?pageSize=5&pageSize=500");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.DuplicateParameter));
    }

    [Theory]
    [InlineData("tenantId=globex", FilterErrorCodes.UnknownField)]
    [InlineData("x=1|tenantId=globex", FilterErrorCodes.UnknownField)]
    [InlineData("total>0|tenantId=globex", FilterErrorCodes.UnknownField)]
    [InlineData("tenantId:eq:globex", FilterErrorCodes.UnknownField)]
    [InlineData("ｔenantId=globex", FilterErrorCodes.SyntaxError)]
    public async Task Filtering_on_the_tenant_is_an_error_not_a_widening(string filter, string code)
    {
        await SeedAsync();

        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("filter", filter)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
    }

    [Theory]
    [InlineData("total=20|total!=20")]
    [InlineData("(total>0)|(total<=0)")]
    [InlineData("status=Draft|status!=Draft")]
    [InlineData("total>0\\|tenantId=globex")]
    [InlineData("currency=EUR|currency!=EUR")]
    public async Task Another_tenants_orders_never_appear_whatever_the_filter(string filter)
    {
        var s = await SeedAsync();

        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("filter", s.Scoped(filter)), ("pageSize", "100")));

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = (await response.Content.ReadFromJsonAsync<ListApi.ListPage<Item>>())!;
            Assert.DoesNotContain(page.Items, i => i.Id == s.Foreign);
            Assert.True(page.TotalCount <= 3, $"totalCount {page.TotalCount} counts another tenant's rows.");
        }
        else
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.InvalidValue));
        }
    }

    [Fact]
    public async Task Each_tenant_sees_and_counts_only_its_own_orders_of_a_shared_customer_id()
    {
        var s = await SeedAsync();

        var acme = await List(app.Sales(), ("filter", $"customerId={s.Customer}"), ("sort", "total"));
        var globex = await List(app.Sales(ReferenceApiFactory.Globex), ("filter", $"customerId={s.Customer}"));

        Assert.Equal([s.Small, s.Medium, s.Large], acme.Items.Select(i => i.Id));
        Assert.Equal(3, acme.TotalCount);
        Assert.Equal([s.Foreign], globex.Items.Select(i => i.Id));
        Assert.Equal(1, globex.TotalCount);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_list_parameters_and_the_allowed_fields()
    {
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty("/api/orders").GetProperty("get");
        var parameters = operation.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null, StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "filter", "orderBy", "sort", "page", "pageSize", "limit", "offset", "cursor" }, parameters.Keys.ToHashSet());
        Assert.All(new[] { "filter", "orderBy", "sort", "page", "pageSize" }, name => Assert.False(string.IsNullOrEmpty(parameters[name]), $"{name} has no description."));
        Assert.Contains(OrderSummaryFields.Map.Describe(), operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
