using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Filtering;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Audit;

/// <summary>
/// <c>GET /api/audit</c> through the filter module: filter, sort and keyset paging over the tenant's trail, typed
/// 400s for bad input, and a tenant constraint no filter can widen.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditLogListTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Filters_by_outcome_action_user_resource_and_correlation_in_either_syntax()
    {
        var placed = await PlaceAsync(Correlated(app.Sales(), "placed"));
        await app.Viewer().PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 1, 1m)));
        await Correlated(app.Sales(), "invalid").PostAsJsonAsync("/api/orders", new { customerId = Guid.Empty, currency = "EUR", lines = Array.Empty<object>() });
        var admin = app.Admin();

        var denied = await ListAsync(admin, ("filter", "outcome=denied"));
        var refused = await ListAsync(admin, ("filter", "outcome:in:denied;rejected"));
        var bySales = await ListAsync(admin, ("filter", "user=sales@acme,action=Orders.PlaceOrder"));
        var byResource = await ListAsync(admin, ("filter", $"resource.type=Order,resourceId={placed.Id}"));
        var byCorrelation = await ListAsync(admin, ("filter", "correlationId^invalid-"));

        Assert.Equal(["viewer@acme"], denied.Items.Select(UserId));
        Assert.Equal(["denied", "rejected"], refused.Items.Select(Outcome).Order());
        Assert.Equal(["rejected", "succeeded"], bySales.Items.Select(Outcome).Order());
        Assert.Equal([placed.Id.ToString()], byResource.Items.Select(r => r.GetProperty("resource").GetProperty("id").GetString()));
        Assert.Equal(["validation.failed"], byCorrelation.Items.Select(r => r.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Sorts_newest_first_by_default_and_pages_in_chain_order_with_a_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await PlaceAsync(app.Sales());
        }

        var admin = app.Admin();
        var since = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");

        var newestFirst = await ListAsync(admin, ("filter", "action=Orders.PlaceOrder"));
        var first = await ListAsync(admin, ("filter", $"action=Orders.PlaceOrder,occurredAt>={since}"), ("sort", "sequence"), ("pageSize", "2"));
        var rest = await ListAsync(admin, ("filter", $"action=Orders.PlaceOrder,occurredAt>={since}"), ("sort", "sequence"), ("pageSize", "2"), ("cursor", first.NextCursor!));
        var fromThePast = await ListAsync(admin, ("filter", "occurredAt<2000-01-01"));

        var sequences = newestFirst.Items.Select(Sequence).ToList();
        Assert.Equal(3, sequences.Count);
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(3, first.TotalCount);
        Assert.Equal(sequences.Order(), first.Items.Concat(rest.Items).Select(Sequence));
        Assert.Null(rest.NextCursor);
        Assert.Empty(fromThePast.Items);
    }

    [Theory]
    [InlineData("filter", "tenantId=globex", FilterErrorCodes.UnknownField)]
    [InlineData("filter", "record=*admin", FilterErrorCodes.UnknownField)]
    [InlineData("filter", "outcome=maybe", FilterErrorCodes.InvalidValue)]
    [InlineData("filter", "occurredAt>yesterday", FilterErrorCodes.InvalidValue)]
    [InlineData("filter", "outcome>denied", FilterErrorCodes.OperatorNotAllowed)]
    [InlineData("filter", "(action=x", FilterErrorCodes.UnbalancedParentheses)]
    [InlineData("sort", "hash", FilterErrorCodes.UnknownSortField)]
    [InlineData("sort", "outcome", FilterErrorCodes.SortNotAllowed)]
    [InlineData("pageSize", "1000", FilterErrorCodes.PageSizeTooLarge)]
    [InlineData("cursor", "forged", FilterErrorCodes.InvalidCursor)]
    public async Task A_bad_list_request_is_a_typed_400(string parameter, string value, string code)
    {
        var response = await app.Admin().GetAsync(ListApi.Url("/api/audit", (parameter, value)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bad_list_request_is_itself_recorded_as_rejected()
    {
        var admin = Correlated(app.Admin(), "bad-filter");

        await (await admin.GetAsync(ListApi.Url("/api/audit", ("filter", "tenantId=globex"))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.UnknownField));

        var record = Assert.Single((await ListAsync(app.Admin(), ("filter", "correlationId^bad-filter-"))).Items);
        Assert.Equal("AuditLog.ReadAuditLog", record.GetProperty("action").GetString());
        Assert.Equal("rejected", Outcome(record));
        Assert.Equal("filter.unknown_field", record.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task One_tenant_never_lists_anothers_records_whatever_the_filter()
    {
        await PlaceAsync(Correlated(app.Sales(ReferenceApiFactory.Acme), "acme-secret"));
        await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        var globex = app.Admin(ReferenceApiFactory.Globex);

        var byAcmesCorrelation = await ListAsync(globex, ("filter", "correlationId^acme-secret"));
        var widened = await ListAsync(globex, ("filter", "(correlationId^acme-secret|sequence>0)|userId=sales@acme"), ("pageSize", "100"));
        var byAcmesUser = await ListAsync(globex, ("filter", "user=sales@acme"));

        Assert.Equal(0, byAcmesCorrelation.TotalCount);
        Assert.Equal(0, byAcmesUser.TotalCount);
        Assert.NotEmpty(widened.Items);
        Assert.All(widened.Items, r => Assert.Equal(ReferenceApiFactory.Globex, r.GetProperty("tenantId").GetString()));

        var acmeByHeader = app.Admin(ReferenceApiFactory.Globex);
        acmeByHeader.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Acme);
        await (await acmeByHeader.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("viewer")]
    public async Task Listing_needs_audit_read(string role)
    {
        var client = app.As($"{role}@acme", ReferenceApiFactory.Acme, role);

        await (await client.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    private static HttpClient Correlated(HttpClient client, string prefix)
    {
        client.DefaultRequestHeaders.Add("X-Correlation-ID", $"{prefix}-{Guid.NewGuid():N}");
        return client;
    }

    private static Task<ListApi.ListPage<JsonElement>> ListAsync(HttpClient client, params (string Name, string Value)[] query) =>
        ListApi.GetAsync<JsonElement>(client, "/api/audit", query);

    private static string? UserId(JsonElement record) => record.GetProperty("actor").GetProperty("userId").GetString();

    private static string? Outcome(JsonElement record) => record.GetProperty("outcome").GetString();

    private static long Sequence(JsonElement record) => record.GetProperty("sequence").GetInt64();
}
