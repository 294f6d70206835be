using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// A setting naming a permission that spans tenants must name a <c>platform.</c> one: the <c>*</c> of a tenant's
/// <c>admin</c> grants every other permission, so such a setting would open every tenant to every tenant admin.
/// The app refuses to start and names the key.
/// </summary>
public sealed class PlatformPermissionSettingsTests
{
    [Theory]
    [InlineData("MultiTenancy:CrossTenantPermission", "tenants.cross")]
    [InlineData("Jobs:DashboardPermission", "jobs.dashboard")]
    [InlineData("Projections:Admin:ManagePermission", "projections.manage")]
    public async Task A_cross_tenant_permission_without_the_platform_prefix_stops_the_start(string key, string value)
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { [key] = value });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains(key, failure, StringComparison.Ordinal);
            Assert.Contains("platform.", failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Platform_permissions_of_ones_own_choosing_are_accepted_and_enforced()
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["Jobs:DashboardPermission"] = "platform.ops",
            ["Projections:Admin:ManagePermission"] = "platform.ops",
        });
        try
        {
            Assert.Null(await app.StartFailureAsync());
            var ops = app.WithToken(TestTokens.Create("ops", null, roles: [], permissions: ["platform.ops"]));
            var dashboardOnly = app.WithToken(TestTokens.Create("ops", null, roles: [], permissions: ["platform.jobs.dashboard"]));

            Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/jobs")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/api/admin/projections")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await dashboardOnly.GetAsync("/jobs")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
