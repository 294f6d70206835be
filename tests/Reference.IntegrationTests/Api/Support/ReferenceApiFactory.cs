using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.Identity.Database;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.State;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// The application over real HTTP (in-process TestServer) on a real PostgreSQL database of its own
/// (from the shared test server, migrated at start-up), configured for tests: two tenants (<c>acme</c>,
/// <c>globex</c>), a known token signing key, DI scope validation, and clients that fail the test on any
/// 500. <see cref="ResetDatabaseAsync"/> empties every table (Respawn) between tests. Reuse it from any
/// test project: derive to override configuration (<see cref="Settings"/>) or services (<see cref="ConfigureTestServices"/>).
/// </summary>
public class ReferenceApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    private DatabaseReset? _database;

    /// <summary>
    /// The connection string of this app's database, for tests that inspect or tamper with rows. A second host on
    /// the same database (<see cref="SharedDatabaseApiFactory"/>) overrides it.
    /// </summary>
    public virtual string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The factory has not been initialised by xunit yet.");

    public async Task InitializeAsync()
    {
        // The persistence layer's own migration-history tables survive resets, so the app stays "ready".
        _database = new DatabaseReset(
            await CreateDatabaseAsync(),
            EventStoreDbContext.MigrationsHistoryTable,
            StateDbContext.MigrationsHistoryTable,
            TenantDbContext.MigrationsHistoryTable,
            AuditDbContext.MigrationsHistoryTable,
            IdentityDbContext.MigrationsHistoryTable);
        _ = Services; // starts the host: migrations run now, not in the first test
    }

    /// <summary>Where this app's database is created: the shared test server unless a test needs a cluster of its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("api");

    /// <summary>Empties every table but the migration history, so each test starts from a clean database.</summary>
    public Task ResetDatabaseAsync() => _database!.ResetAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_database.ConnectionString);
        }
    }

    /// <summary>Configuration applied over appsettings; derived factories add their own (e.g. a connection string).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = TestTokens.Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = TestTokens.Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = TestTokens.Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = TestTokens.SigningKeyBase64,
        ["MultiTenancy:Tenants:acme:Name"] = "Acme Corporation",
        ["MultiTenancy:Tenants:globex:Name"] = "Globex Corporation",
        ["Persistence:Provider"] = "Postgres",
        ["Persistence:MigrateOnStartup"] = "true",
        ["ConnectionStrings:Postgres"] = ConnectionString,

        // Small, so the HTTP tests load most orders from a snapshot plus a tail of events.
        ["Orders:SnapshotEvery"] = "3",

        // Confirm leaves an order Confirmed here, so the order tests see the order itself; the fulfilment tests turn it on.
        ["Orders:Fulfilment:Enabled"] = "false",
    };

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // UseSetting, not ConfigureAppConfiguration: Program reads some settings (the persistence
        // provider) while registering services, before late configuration sources are added.
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

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
