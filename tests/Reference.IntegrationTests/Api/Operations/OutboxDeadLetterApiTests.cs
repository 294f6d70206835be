using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// Outbox dead letters over HTTP: listed with the filter module and re-driven through Hangfire jobs, by
/// callers holding <c>outbox.manage</c>, each tenant's admin only ever reaching their own tenant's messages.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OutboxDeadLetterApiTests(ReferenceApiFactory api)
{
    private const string Route = "/api/admin/outbox/dead-letters";
    private const string NotFound = "https://reference.example/problems/not-found";
    private const string TenantMismatch = "https://reference.example/problems/tenant-mismatch";
    private const string TenantNotPermitted = "https://reference.example/problems/tenant-not-permitted";

    [Fact]
    public async Task A_tenant_admin_lists_only_their_own_dead_letters_filtered_and_paged()
    {
        var destination = UniqueDestination();
        var acme = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            acme.Add(await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Acme, destination));
        }

        var globex = await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Globex, destination);
        var admin = api.Admin(ReferenceApiFactory.Acme);

        var first = await (await admin.GetAsync($"{Route}?filter=destination={destination}&pageSize=2")).ReadAsAsync<DeadLetterPage>();
        Assert.Equal(3, first.TotalCount);
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        var rest = await (await admin.GetAsync($"{Route}?filter=destination={destination}&pageSize=2&cursor={Uri.EscapeDataString(first.NextCursor!)}"))
            .ReadAsAsync<DeadLetterPage>();
        Assert.Null(rest.NextCursor);

        var listed = first.Items.Concat(rest.Items).ToList();
        Assert.Equal(acme, listed.Select(d => d.MessageId));
        Assert.All(listed, d => Assert.Equal((ReferenceApiFactory.Acme, 10, "broker unavailable"), (d.TenantId, d.Attempts, d.LastError)));

        var globexView = await (await api.Admin(ReferenceApiFactory.Globex).GetAsync($"{Route}?filter=destination:eq:{destination}")).ReadAsAsync<DeadLetterPage>();
        Assert.Equal([globex], globexView.Items.Select(d => d.MessageId));
    }

    [Fact]
    public async Task The_tenant_column_is_not_a_field_so_a_filter_cannot_reach_another_tenant()
    {
        var response = await api.Admin(ReferenceApiFactory.Acme).GetAsync($"{Route}?filter=tenantId=globex");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "https://reference.dev/problems/filter/unknown-field");
        Assert.Equal("tenantId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Re_driving_runs_a_job_in_the_callers_tenant_and_the_dispatcher_delivers_the_message_again()
    {
        var destination = UniqueDestination();
        var messageId = await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Acme, destination);

        // The same message id in another tenant: only the caller's row may move.
        await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Globex, destination, messageId);

        var accepted = await (await api.Admin(ReferenceApiFactory.Acme).PostAsync($"{Route}/{messageId}/redrive", null))
            .ReadAsAsync<RedriveAccepted>(HttpStatusCode.Accepted);
        Assert.False(string.IsNullOrEmpty(accepted.JobId));

        var delivered = await Eventually.ReturnsAsync(
            () => OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Acme, messageId), row => row is { Processed: true }, TimeSpan.FromSeconds(30));
        Assert.False(delivered!.DeadLettered);
        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Globex, messageId));
    }

    [Fact]
    public async Task Another_tenants_dead_letter_is_not_found_and_stays_dead()
    {
        var globex = await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Globex, UniqueDestination());

        var response = await api.Admin(ReferenceApiFactory.Acme).PostAsync($"{Route}/{globex}/redrive", null);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, NotFound);
        await (await api.Admin(ReferenceApiFactory.Acme).PostAsync($"{Route}/{Guid.NewGuid()}/redrive", null)).AssertProblemAsync(HttpStatusCode.NotFound, NotFound);

        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Globex, globex));
    }

    [Fact]
    public async Task Re_driving_all_reaches_every_dead_letter_of_the_callers_tenant_and_none_of_another()
    {
        var destination = UniqueDestination();
        var acme = new[]
        {
            await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Acme, destination),
            await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Acme, destination),
        };
        var globex = await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Globex, destination);

        await (await api.Admin(ReferenceApiFactory.Acme).PostAsync($"{Route}/redrive", null)).ReadAsAsync<RedriveAccepted>(HttpStatusCode.Accepted);

        foreach (var messageId in acme)
        {
            await Eventually.ReturnsAsync(
                () => OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Acme, messageId), row => row is { Processed: true }, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Globex, globex));
        var remaining = await (await api.Admin(ReferenceApiFactory.Globex).GetAsync($"{Route}?filter=destination={destination}")).ReadAsAsync<DeadLetterPage>();
        Assert.Equal([globex], remaining.Items.Select(d => d.MessageId));
    }

    [Fact]
    public async Task A_tenant_admin_reaches_no_other_tenants_dead_letters_by_header_nor_with_a_token_naming_no_tenant()
    {
        var destination = UniqueDestination();
        var globex = await OutboxRows.InsertDeadLetterAsync(api.ConnectionString, ReferenceApiFactory.Globex, destination);
        var acmeByHeader = api.Admin(ReferenceApiFactory.Acme);
        acmeByHeader.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);
        var tenantless = api.As("admin", tenantId: null, "admin");
        tenantless.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        await (await acmeByHeader.GetAsync(Route)).AssertProblemAsync(HttpStatusCode.Forbidden, TenantMismatch);
        await (await acmeByHeader.PostAsync($"{Route}/{globex}/redrive", null)).AssertProblemAsync(HttpStatusCode.Forbidden, TenantMismatch);
        await (await tenantless.GetAsync($"{Route}?filter=destination={destination}")).AssertProblemAsync(HttpStatusCode.Forbidden, TenantNotPermitted);
        await (await tenantless.PostAsync($"{Route}/redrive", null)).AssertProblemAsync(HttpStatusCode.Forbidden, TenantNotPermitted);

        Assert.Equal(new OutboxRowState(10, Processed: false, DeadLettered: true), await OutboxRows.ReadAsync(api.ConnectionString, ReferenceApiFactory.Globex, globex));
    }

    [Fact]
    public async Task Only_callers_holding_the_outbox_permission_get_in()
    {
        await (await api.Anonymous().GetAsync(Route)).AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
        await (await api.Sales(ReferenceApiFactory.Acme).GetAsync(Route)).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
        await (await api.Sales(ReferenceApiFactory.Acme).PostAsync($"{Route}/redrive", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");

        var operatorToken = TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, roles: [], permissions: ["outbox.manage"]);
        Assert.Equal(HttpStatusCode.OK, (await api.WithToken(operatorToken).GetAsync(Route)).StatusCode);
    }

    private static string UniqueDestination() => $"dead-letter-test-{Guid.NewGuid():N}";

    private sealed record DeadLetterPage(List<DeadLetterView> Items, int? Page, int PageSize, int TotalCount, string? NextCursor);

    private sealed record DeadLetterView(Guid MessageId, string TenantId, string Destination, string Type, int Attempts, string? LastError, DateTimeOffset DeadLetteredAt);

    private sealed record RedriveAccepted(string JobId);
}
