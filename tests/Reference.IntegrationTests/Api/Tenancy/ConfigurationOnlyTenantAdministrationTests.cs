using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>With only the configuration store (the default), tenants can be listed but not created.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConfigurationOnlyTenantAdministrationTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_a_tenant_without_a_writable_store_is_a_rule_violation()
    {
        var response = await Platform().PostAsJsonAsync("/api/tenants", new { id = "newco", name = "New Company" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, ProblemTypes.RuleViolated);
        Assert.Equal("tenant.store_read_only", problem.GetProperty("code").GetString());
        await (await app.Admin("newco").GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.TenantNotFound);
    }

    [Fact]
    public async Task The_configured_tenants_are_listed_as_read_only()
    {
        var tenants = await (await Platform().GetAsync("/api/tenants")).ReadAsAsync<List<JsonElement>>();

        Assert.Equal(["acme", "globex"], tenants.Select(t => t.GetProperty("id").GetString()));
        Assert.All(tenants, t => Assert.True(t.GetProperty("readOnly").GetBoolean()));
    }

    private HttpClient Platform() => app.As("ops@platform", tenantId: null, "platform-admin");
}
