using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// The Hangfire dashboard at <c>/jobs</c> answers to the API's own bearer tokens and permission model:
/// 401 without a token (there is no login page to redirect to), 403 without <c>platform.jobs.dashboard</c>. The
/// dashboard shows every tenant's jobs, so a tenant's admin (whose <c>*</c> covers no <c>platform.*</c> permission)
/// is refused.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JobsDashboardTests(ReferenceApiFactory api)
{
    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated_not_redirected()
    {
        var response = await api.Anonymous().GetAsync("/jobs");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_caller_without_the_dashboard_permission_is_forbidden()
    {
        await (await api.Sales().GetAsync("/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
        await (await api.Viewer().GetAsync("/jobs/recurring")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }

    [Fact]
    public async Task A_tenant_admin_is_forbidden_because_the_dashboard_spans_tenants()
    {
        await (await api.Admin(ReferenceApiFactory.Acme).GetAsync("/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }

    [Fact]
    public async Task A_platform_admin_opens_the_dashboard()
    {
        var response = await api.As("ops@platform", tenantId: null, "platform-admin").GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_permission_model_decides_not_the_role_name()
    {
        var granted = TestTokens.Create("ops", null, roles: [], permissions: ["platform.jobs.dashboard"]);
        var forged = TestTokens.Create("mallory@acme", ReferenceApiFactory.Acme, roles: [], permissions: ["admin"]);
        var tenantLevel = TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, roles: [], permissions: ["jobs.dashboard"]);

        Assert.Equal(HttpStatusCode.OK, (await api.WithToken(granted).GetAsync("/jobs")).StatusCode);
        await (await api.WithToken(forged).GetAsync("/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
        await (await api.WithToken(tenantLevel).GetAsync("/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }
}
