using System.Net;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Tenancy;

/// <summary>
/// The app with every strategy that could outrank the token configured before it (<c>Static</c>, then
/// <c>Host</c>, then <c>Claim</c>): a token's tenant still wins, and a host naming another tenant is refused.
/// </summary>
public sealed class StrategiesBeforeClaimApiFactory : ReferenceApiFactory
{
    public const string HostTemplate = "{tenant}.reference.test";

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["MultiTenancy:Strategies:0"] = "Static";
        settings["MultiTenancy:Strategies:1"] = "Host";
        settings["MultiTenancy:Strategies:2"] = "Claim";
        settings["MultiTenancy:Strategies:3"] = "Header";
        settings["MultiTenancy:StaticTenant"] = Globex;
        settings["MultiTenancy:HostTemplate"] = HostTemplate;
        return settings;
    }

    /// <summary>A client for <paramref name="tenantId"/>'s host name, holding <paramref name="token"/>.</summary>
    public HttpClient OnHostOf(string tenantId, string token)
    {
        var client = CreateDefaultClient(new Uri($"http://{HostTemplate.Replace("{tenant}", tenantId, StringComparison.Ordinal)}"), new FailOnServerErrorHandler());
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}

public sealed class TenantStrategyOrderTests(StrategiesBeforeClaimApiFactory app) : IClassFixture<StrategiesBeforeClaimApiFactory>
{
    [Fact]
    public async Task A_static_tenant_configured_before_the_claim_does_not_move_a_user_out_of_its_tokens_tenant()
    {
        var globexOrder = await PlaceAsync(app.Sales(ReferenceApiFactory.Globex));
        await GetAsync(app.Sales(ReferenceApiFactory.Globex), globexOrder.Id, globexOrder.Version);
        var acme = app.Sales(ReferenceApiFactory.Acme);

        var own = await PlaceAsync(acme);

        Assert.Equal(own.Id, (await GetAsync(acme, own.Id, own.Version)).Id);
        await (await acme.GetAsync($"/api/orders/{globexOrder.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await (await app.Sales(ReferenceApiFactory.Globex).GetAsync($"/api/orders/{own.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task A_host_naming_another_tenant_than_the_token_is_refused()
    {
        var acmeToken = TestTokens.Create("sales@acme", ReferenceApiFactory.Acme, ["sales"]);

        var response = await app.OnHostOf(ReferenceApiFactory.Globex, acmeToken).GetAsync("/api/orders");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantMismatch);
    }

    [Fact]
    public async Task A_host_naming_the_tokens_own_tenant_is_served()
    {
        var acmeToken = TestTokens.Create("sales@acme", ReferenceApiFactory.Acme, ["sales"]);
        var placed = await PlaceAsync(app.OnHostOf(ReferenceApiFactory.Acme, acmeToken));

        Assert.Equal(placed.Id, (await GetAsync(app.Sales(ReferenceApiFactory.Acme), placed.Id, placed.Version)).Id);
    }

    [Fact]
    public async Task A_token_without_a_tenant_is_not_placed_in_the_static_or_host_tenant()
    {
        var tenantless = TestTokens.Create("root", null, ["admin"]);

        await (await app.WithToken(tenantless).GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantNotPermitted);
        await (await app.OnHostOf(ReferenceApiFactory.Acme, tenantless).GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.TenantNotPermitted);
    }
}
