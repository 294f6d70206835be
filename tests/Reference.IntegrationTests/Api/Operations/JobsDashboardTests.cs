using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// The Hangfire dashboard at <c>/jobs</c> answers to the API's own bearer tokens and permission model:
/// 401 without a token (there is no login page to redirect to), 403 without <c>jobs.dashboard</c>.
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
    public async Task An_admin_opens_the_dashboard()
    {
        var response = await api.Admin().GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_permission_model_decides_not_the_role_name()
    {
        var granted = TestTokens.Create("ops@acme", ReferenceApiFactory.Acme, roles: [], permissions: ["jobs.dashboard"]);
        var forged = TestTokens.Create("mallory@acme", ReferenceApiFactory.Acme, roles: [], permissions: ["admin"]);

        Assert.Equal(HttpStatusCode.OK, (await api.WithToken(granted).GetAsync("/jobs")).StatusCode);
        await (await api.WithToken(forged).GetAsync("/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden, "https://reference.example/problems/forbidden");
    }
}
