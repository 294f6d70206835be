using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reference.LoadDriver;

/// <summary>The real application (every middleware and mediator behaviour) on Kestrel at 127.0.0.1, on PostgreSQL.</summary>
public sealed class PipelineHost(string connectionString) : WebApplicationFactory<Program>
{
    private const string Issuer = "reference-bench";
    private const string Audience = "reference-api";
    private static readonly string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes("reference-load-driver-signing-key-32-bytes"));

    public static readonly object Order = new
    {
        customerId = Guid.NewGuid(),
        currency = "EUR",
        lines = new[] { new { sku = "SKU-1", quantity = 2, unitPrice = 9.5m }, new { sku = "SKU-2", quantity = 1, unitPrice = 3m } },
    };

    public static async Task<bool> PlaceOrder(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/orders", Order);
        return response.IsSuccessStatusCode;
    }

    public HttpClient Start()
    {
        // The app's content root (appsettings.json with the role map) is src/Web in the repository.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REFERENCE_WEB", WebProjectFolder());
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Persistence:Provider", "Postgres");
        builder.UseSetting("Persistence:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidIssuer", Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", Audience);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", Issuer);
        builder.UseSetting("Authentication:Schemes:Bearer:SigningKeys:0:Value", Key);
        builder.UseSetting("MultiTenancy:Tenants:acme:Name", "Acme Corporation");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    private static string WebProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var web = Path.Combine(directory.FullName, "src", "Web");
            if (File.Exists(Path.Combine(web, "Reference.Web.csproj")))
            {
                return web;
            }
        }

        throw new InvalidOperationException($"src/Web was not found above {AppContext.BaseDirectory}.");
    }

    private static string Token() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "bench"), new Claim("name", "bench"), new Claim("tenant_id", "acme"), new Claim("role", "sales")]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(Key)), SecurityAlgorithms.HmacSha256),
    });
}
