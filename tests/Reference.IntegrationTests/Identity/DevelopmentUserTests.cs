using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Identity;

/// <summary>
/// Development seeds the user of appsettings.Development.json for <c>acme</c>, so a token takes one curl; any other
/// environment ignores the same setting.
/// </summary>
public sealed class DevelopmentUserTests
{
    private const string Email = "admin@acme.test";
    private const string Password = "development-only";

    [Fact]
    public async Task Development_seeds_the_acme_user_of_appsettings_Development()
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { ["ReadStore:Provider"] = "InMemory" }, "Development");
        try
        {
            Assert.Null(await app.StartFailureAsync());
            var tokens = await (await IdentityApi.LoginAsync(app, ReferenceApiFactory.Acme, Email, Password)).ReadTokensAsync();
            Assert.Equal(HttpStatusCode.OK, (await app.WithAccessToken(tokens.AccessToken).GetAsync("/api/audit")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Another_environment_ignores_the_development_user_setting()
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["Identity:Database:DevelopmentUser:Tenant"] = ReferenceApiFactory.Acme,
            ["Identity:Database:DevelopmentUser:Email"] = Email,
            ["Identity:Database:DevelopmentUser:Password"] = Password,
            ["Identity:Database:DevelopmentUser:Roles:0"] = "admin",
        });
        try
        {
            Assert.Null(await app.StartFailureAsync());
            await (await IdentityApi.LoginAsync(app, ReferenceApiFactory.Acme, Email, Password))
                .AssertProblemAsync(HttpStatusCode.Unauthorized, "https://reference.example/problems/invalid-credentials");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
