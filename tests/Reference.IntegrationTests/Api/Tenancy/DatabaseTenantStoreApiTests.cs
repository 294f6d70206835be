using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Shared.Http;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>With <c>MultiTenancy:Stores</c> = Configuration, Database, a tenant defined only in the <c>tenants</c> table is served.</summary>
public sealed class DatabaseTenantStoreApiTests(DatabaseTenantStoreApiTests.DatabaseTenantsApiFactory app)
    : IClassFixture<DatabaseTenantStoreApiTests.DatabaseTenantsApiFactory>, IAsyncLifetime
{
    private const string Initech = "initech";

    public async Task InitializeAsync()
    {
        await app.ResetDatabaseAsync();
        await using var context = app.Services.GetRequiredService<TenantDbContextFactory>().Create();
        context.Tenants.Add(TenantRow.For("Initech", "Initech Ltd"));
        await context.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_only_in_the_database_resolves_and_its_requests_run()
    {
        var client = app.Sales(Initech);

        var created = await (await client.PostAsJsonAsync("/api/customers", new { name = "Peter Gibbons", email = "peter@initech.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        var read = await client.GetAsync($"/api/customers/{created.Id}");
        var missing = await client.GetAsync($"/api/customers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Configuration_tenants_still_resolve_alongside_the_database_ones()
    {
        var response = await app.Sales(ReferenceApiFactory.Acme).GetAsync($"/api/customers/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_tenant_in_neither_store_gets_the_unknown_tenant_problem()
    {
        var response = await app.Sales("umbrella").GetAsync($"/api/customers/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.TenantNotFound);
    }

    /// <summary>The test application with the database tenant store enabled after the configuration one.</summary>
    public sealed class DatabaseTenantsApiFactory : ReferenceApiFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["MultiTenancy:Stores:0"] = "Configuration";
            settings["MultiTenancy:Stores:1"] = "Database";
            return settings;
        }
    }
}
