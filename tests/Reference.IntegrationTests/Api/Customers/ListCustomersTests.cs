using System.Net;
using System.Net.Http.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Filtering;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Customers;

/// <summary><c>GET /api/customers</c> through real HTTP on PostgreSQL: filter, sort and page the customer summaries.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListCustomersTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private sealed record Item(Guid Id, string Name, string Email);

    /// <summary>
    /// Every email is on a domain unique to the test, which every query filters on: read models outlive the database
    /// reset. The Globex customer shares the domain, so only its tenant tells it apart.
    /// </summary>
    private sealed record Seeded(Guid Ada, Guid Grace, Guid Alan, Guid Foreign, string Domain)
    {
        public string Scoped(string filter) => $"email$@{Domain},({filter})";
    }

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> RegisterAsync(HttpClient client, string name, string email) =>
        (await (await client.PostAsJsonAsync("/api/customers", new { name, email })).ReadAsAsync<VersionBody>(HttpStatusCode.Created)).Id;

    private async Task<Seeded> SeedAsync()
    {
        var acme = app.Sales(ReferenceApiFactory.Acme);
        var globex = app.Sales(ReferenceApiFactory.Globex);
        var domain = $"{Guid.NewGuid():N}.test";
        var seeded = new Seeded(
            await RegisterAsync(acme, "Ada Lovelace", $"ada@{domain}"),
            await RegisterAsync(acme, "Grace Hopper", $"grace@{domain}"),
            await RegisterAsync(acme, "Alan Turing", $"alan@{domain}"),
            await RegisterAsync(globex, "Ada Globex", $"ada.globex@{domain}"),
            domain);

        await Eventually.ReturnsAsync(() => List(acme, ("filter", $"email$@{domain}")), p => p.TotalCount == 3);
        await Eventually.ReturnsAsync(() => List(globex, ("filter", $"email$@{domain}")), p => p.TotalCount == 1);
        return seeded;
    }

    private static Task<ListApi.ListPage<Item>> List(HttpClient client, params (string, string)[] query) =>
        ListApi.GetAsync<Item>(client, "/api/customers", query);

    private static async Task<List<Guid>> Ids(HttpClient client, params (string, string)[] query) =>
        [.. (await List(client, query)).Items.Select(i => i.Id)];

    [Fact]
    public async Task Filters_sort_and_pages_the_tenants_customers()
    {
        var s = await SeedAsync();
        var viewer = app.Viewer();

        Assert.Equal([s.Ada, s.Alan, s.Grace], await Ids(viewer, ("filter", $"email$@{s.Domain}")));
        Assert.Equal([s.Ada, s.Alan], await Ids(viewer, ("filter", s.Scoped("name^a/i"))));
        Assert.Equal([s.Grace], await Ids(viewer, ("filter", $"email:ends_with:@{s.Domain},name:icontains:HOP")));
        Assert.Equal([s.Grace, s.Alan, s.Ada], await Ids(viewer, ("filter", $"email$@{s.Domain}"), ("sort", "-name")));

        var second = await List(viewer, ("filter", $"email$@{s.Domain}"), ("orderBy", "email"), ("page", "2"), ("pageSize", "2"));
        Assert.Equal((2, 3), (second.Page!.Value, second.TotalCount));
        Assert.Equal([s.Grace], second.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Another_tenants_customers_never_appear_whatever_the_filter()
    {
        var s = await SeedAsync();
        var sales = app.Sales();

        var all = await List(sales, ("filter", s.Scoped("name=*Ada|name!*Ada")));
        Assert.Equal(3, all.TotalCount);
        Assert.DoesNotContain(all.Items, i => i.Id == s.Foreign);
        Assert.Empty(await Ids(sales, ("filter", $"email=ada.globex@{s.Domain}")));
        Assert.Equal([s.Foreign], await Ids(app.Sales(ReferenceApiFactory.Globex), ("filter", $"email$@{s.Domain}")));
        var escape = await sales.GetAsync(ListApi.Url("/api/customers", ("filter", "x=1|tenantId=globex")));
        await escape.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.UnknownField));
    }

    [Theory]
    [InlineData("filter", "phone=1", FilterErrorCodes.UnknownField)]
    [InlineData("filter", "registeredAt>yesterday", FilterErrorCodes.InvalidValue)]
    [InlineData("pageSize", "101", FilterErrorCodes.PageSizeTooLarge)]
    [InlineData("orderBy", "phone", FilterErrorCodes.UnknownSortField)]
    [InlineData("sort", "renames", FilterErrorCodes.SortNotAllowed)]
    public async Task Bad_list_input_is_a_400_problem_with_the_code_type(string parameter, string value, string code)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/customers", (parameter, value)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Listing_customers_needs_the_read_permission()
    {
        var response = await app.As("nobody@acme", ReferenceApiFactory.Acme, "auditor").GetAsync("/api/customers");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }
}
