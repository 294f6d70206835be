using System.Net;
using System.Net.Http.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>Tenant A can neither see, change nor infer tenant B's data; a tenant is never chosen by header against the token.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Another_tenants_order_is_not_found_for_reads()
    {
        var globex = app.Sales(ReferenceApiFactory.Globex);
        var placed = await PlaceAsync(globex);
        await GetAsync(globex, placed.Id, placed.Version); // projected: the 404 below is isolation, not lag

        var response = await app.Admin(ReferenceApiFactory.Acme).GetAsync($"/api/orders/{placed.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Another_tenants_order_is_not_found_for_every_write_and_stays_unchanged()
    {
        var globex = app.Sales(ReferenceApiFactory.Globex);
        var placed = await PlaceAsync(globex, ("G-1", 1, 1m));
        var acme = app.Admin(ReferenceApiFactory.Acme);

        HttpResponseMessage[] responses =
        [
            await AddLineAsync(acme, placed.Id, "A-1"),
            await acme.DeleteAsync($"/api/orders/{placed.Id}/lines/G-1"),
            await ConfirmAsync(acme, placed.Id),
            await acme.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "not yours" }),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        }

        var order = await GetAsync(globex, placed.Id, placed.Version);
        Assert.Equal(1, order.Version);
        Assert.Equal("Draft", order.Status);
    }

    [Fact]
    public async Task Another_tenants_customer_is_not_found()
    {
        var created = await (await app.Sales(ReferenceApiFactory.Globex).PostAsJsonAsync("/api/customers", new { name = "Hank", email = "hank@globex.test" }))
            .ReadAsAsync<VersionBody>(HttpStatusCode.Created);

        var read = await app.Admin().GetAsync($"/api/customers/{created.Id}");
        var rename = await app.Admin().PutAsJsonAsync($"/api/customers/{created.Id}/name", new { name = "Hacked" });

        await read.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await rename.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Choosing_another_tenant_by_header_gives_403()
    {
        var placed = await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        var acme = app.Admin(ReferenceApiFactory.Acme);
        acme.DefaultRequestHeaders.Add("X-Tenant-ID", ReferenceApiFactory.Globex);

        var response = await acme.GetAsync($"/api/orders/{placed.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
    }

    [Fact]
    public async Task A_header_naming_the_tokens_own_tenant_is_accepted_case_insensitively()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        client.DefaultRequestHeaders.Add("X-Tenant-ID", "ACME");

        var order = await GetAsync(client, placed.Id, placed.Version);

        Assert.Equal(placed.Id, order.Id);
    }

    [Fact]
    public async Task A_token_without_a_tenant_gives_400_tenant_required()
    {
        var response = await app.As("nomad", tenantId: null, "admin").GetAsync($"/api/orders/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.TenantRequired);
    }

    [Fact]
    public async Task An_unknown_tenant_gives_404_tenant_not_found()
    {
        var response = await app.As("ghost", "initech", "admin").GetAsync($"/api/orders/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.TenantNotFound);
    }
}
