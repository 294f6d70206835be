using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// The application over real HTTP (in-process TestServer), configured for tests: two tenants
/// (<c>acme</c>, <c>globex</c>), a known token signing key, DI scope validation, and clients that
/// fail the test on any 500. Reuse it from any test project: derive to override configuration
/// (<see cref="Settings"/>) or services (<see cref="ConfigureTestServices"/>).
/// </summary>
public class ReferenceApiFactory : WebApplicationFactory<Program>
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    /// <summary>Configuration applied over appsettings; derived factories add their own (e.g. a connection string).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = TestTokens.Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = TestTokens.Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = TestTokens.Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = TestTokens.SigningKeyBase64,
        ["MultiTenancy:Tenants:acme:Name"] = "Acme Corporation",
        ["MultiTenancy:Tenants:globex:Name"] = "Globex Corporation",
    };

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings()));
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.ConfigureServices(ConfigureTestServices);
    }

    /// <summary>An anonymous client.</summary>
    public HttpClient Anonymous() => CreateDefaultClient(new FailOnServerErrorHandler());

    /// <summary>A client holding a token for <paramref name="userId"/> in <paramref name="tenantId"/> with <paramref name="roles"/>.</summary>
    public HttpClient As(string userId, string? tenantId, params string[] roles) => WithToken(TestTokens.Create(userId, tenantId, roles));

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Sales(string tenantId = Acme) => As($"sales@{tenantId}", tenantId, "sales");

    public HttpClient Admin(string tenantId = Acme) => As($"admin@{tenantId}", tenantId, "admin");

    public HttpClient Viewer(string tenantId = Acme) => As($"viewer@{tenantId}", tenantId, "viewer");
}
