using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Operations;

/// <summary>
/// The bearer scheme must check the token's audience: one identity provider issues tokens to many clients, and
/// without an audience the API would accept every one of them. Outside Development the app refuses to start
/// without one; with one, a token for another client is 401. Development with <c>dotnet user-jwts</c> keeps working.
/// </summary>
public sealed class BearerAudienceTests
{
    private const string AudiencesKey = "Authentication:Schemes:Bearer:ValidAudiences";

    [Fact]
    public async Task Production_refuses_to_start_when_the_bearer_scheme_validates_no_audience()
    {
        var app = Production(new Dictionary<string, string?> { [$"{AudiencesKey}:0"] = null });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains(AudiencesKey, failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Production_with_an_audience_rejects_a_token_the_same_provider_issued_for_another_client()
    {
        var app = Production(new Dictionary<string, string?>());
        try
        {
            Assert.Null(await app.StartFailureAsync());
            var ours = TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"]);
            var anotherClients = TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"], audience: "billing-app");

            Assert.Equal(HttpStatusCode.OK, (await app.WithToken(ours).GetAsync("/api/audit")).StatusCode);
            await (await app.WithToken(anotherClients).GetAsync("/api/audit"))
                .AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/unauthenticated");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Development_accepts_a_dotnet_user_jwts_token_with_the_audience_of_appsettings_Development()
    {
        // appsettings.Development.json's issuer and audience, with the signing key user-jwts would keep in user secrets.
        const string userJwts = "dotnet-user-jwts";
        var app = new ConfiguredApiFactory(
            new Dictionary<string, string?>
            {
                ["Authentication:Schemes:Bearer:ValidIssuer"] = null,
                [$"{AudiencesKey}:0"] = null,
                ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = userJwts,
                ["ReadStore:Provider"] = "InMemory",
            },
            "Development");
        try
        {
            Assert.Null(await app.StartFailureAsync());
            var token = TestTokens.Create("alice", ReferenceApiFactory.Acme, ["admin"], issuer: userJwts, audience: "http://localhost:5080");
            var anotherClients = TestTokens.Create("alice", ReferenceApiFactory.Acme, ["admin"], issuer: userJwts, audience: "billing-app");

            Assert.Equal(HttpStatusCode.OK, (await app.WithToken(token).GetAsync("/api/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(anotherClients).GetAsync("/api/audit")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    // appsettings.json as shipped, on the test database, with the stores the test machine runs.
    private static ConfiguredApiFactory Production(Dictionary<string, string?> overrides)
    {
        overrides["ReadStore:Provider"] = "InMemory";
        overrides["Jobs:Storage"] = "InMemory";
        overrides["Caching:Provider"] = "Memory";
        overrides["Locks:Provider"] = "Memory";
        return new ConfiguredApiFactory(overrides, "Production");
    }
}
