using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Ports;

namespace Reference.LoadDriver;

/// <summary>
/// The real application (every middleware and mediator behaviour) on Kestrel at 127.0.0.1, on PostgreSQL.
/// The workers that consume what requests write (outbox dispatcher, projection daemon, Hangfire server) are
/// off, as the baseline has none: both sides measure the request path. They would otherwise also drain
/// the baseline's outbox rows while it runs, and the projection daemon would wait on a read store.
/// </summary>
public sealed class PipelineHost(string connectionString, int tenants = 1, bool cache = true) : WebApplicationFactory<Program>
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

    /// <summary>Starts the server; one client per tenant, each with a sales token of that tenant.</summary>
    public HttpClient[] Start()
    {
        // The app's content root (appsettings.json with the role map) is src/Web in the repository.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REFERENCE_WEB", WebProjectFolder());
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return [.. TenantIds().Select(tenant =>
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(tenant));
            return client;
        })];
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
        foreach (var tenant in TenantIds())
        {
            builder.UseSetting($"MultiTenancy:Tenants:{tenant}:Name", tenant);
        }

        builder.UseSetting("ReadStore:Provider", "Relational");
        builder.UseSetting("Jobs:RunServer", "false");

        // POST /api/orders reads no cache and takes no lock; one node needs no Redis (and the baseline has none).
        builder.UseSetting("Caching:Provider", "Memory");
        builder.UseSetting("Locks:Provider", "Memory");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            Type[] workers = [typeof(OutboxDispatcherService), typeof(MediatorNotificationBridge), typeof(ProjectionDaemon)];
            foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && workers.Contains(d.ImplementationType)).ToList())
            {
                services.Remove(worker);
            }

            if (!cache)
            {
                services.RemoveAll<ICache>();
                services.AddSingleton<ICache, PassThroughCache>();
            }
        });
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

    // One tenant is "acme"; more spread the load over as many audit chains, which lock independently.
    private IEnumerable<string> TenantIds() =>
        tenants <= 1 ? ["acme"] : Enumerable.Range(1, tenants).Select(i => $"tenant-{i:D2}");

    private static string Token(string tenant) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "bench"), new Claim("name", "bench"), new Claim("tenant_id", tenant), new Claim("role", "sales")]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(Key)), SecurityAlgorithms.HmacSha256),
    });
}
