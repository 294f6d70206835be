using System.Net;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>
/// The tenant is bound to the token: a principal acts in the tenant its token names, and in another one (or in any
/// one, when its token names none) only with <c>platform.tenants.act-as</c>, never through a tenant role.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TenantBindingTests(ReferenceApiFactory app) : IAsyncLifetime
{
    private const string ActAs = "platform.tenants.act-as";

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_admin_token_without_a_tenant_cannot_pick_one_by_header()
    {
        var placed = await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        var nomad = app.As("nomad", tenantId: null, "admin");
        nomad.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        var list = await nomad.GetAsync("/api/orders");
        var read = await nomad.GetAsync($"/api/orders/{placed.Id}");

        var problem = await list.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantNotPermitted);
        Assert.Equal("tenant.not_permitted", problem.GetProperty("code").GetString());
        await read.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantNotPermitted);
    }

    [Fact]
    public async Task The_former_cross_tenant_permission_no_longer_opens_another_tenant()
    {
        var support = app.WithToken(TestTokens.Create("support", ReferenceApiFactory.Acme, ["viewer"], ["tenants.cross"]));
        support.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        await (await support.GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
    }

    [Fact]
    public async Task A_role_granting_every_tenant_permission_does_not_grant_acting_in_another_tenant()
    {
        // "*" covers every tenant permission but no platform one, so an admin of acme stays in acme.
        var acmeAdmin = app.WithToken(TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"]));
        acmeAdmin.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);
        var tenantless = app.WithToken(TestTokens.Create("root", null, ["admin"]));
        tenantless.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Acme);

        await (await acmeAdmin.GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
        await (await tenantless.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantNotPermitted);
    }

    [Fact]
    public async Task A_holder_of_act_as_without_a_tenant_acts_in_the_tenant_its_header_names()
    {
        var placed = await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        var support = app.WithToken(TestTokens.Create("support@platform", null, ["viewer"], [ActAs]));
        support.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        var order = await GetAsync(support, placed.Id, placed.Version);

        Assert.Equal(placed.Id, order.Id);
    }

    [Fact]
    public async Task A_holder_of_act_as_with_a_tenant_may_switch_by_header_and_otherwise_stays_in_its_own()
    {
        var placed = await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        await GetAsync(app.Sales(ReferenceApiFactory.Globex), placed.Id, placed.Version);
        var switching = app.WithToken(TestTokens.Create("support@acme", ReferenceApiFactory.Acme, ["viewer"], [ActAs]));
        switching.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);
        var staying = app.WithToken(TestTokens.Create("support@acme", ReferenceApiFactory.Acme, ["viewer"], [ActAs]));

        Assert.Equal(placed.Id, (await GetAsync(switching, placed.Id, placed.Version)).Id);
        await (await staying.GetAsync($"/api/orders/{placed.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_token_without_a_tenant_and_no_header_still_gives_400_tenant_required()
    {
        var response = await app.WithToken(TestTokens.Create("support@platform", null, ["viewer"], [ActAs])).GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.TenantRequired);
    }
}
