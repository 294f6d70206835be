using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.Infrastructure.Persistence;

namespace Reference.IntegrationTests.MultiTenancy;

/// <summary>Which tenant stores <c>AddMultiTenancy</c> wires from <c>MultiTenancy:Stores</c>.</summary>
public sealed class TenantStoreRegistrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "reference-tests", $"tenant-registration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Without_configuration_only_the_configuration_store_is_used_and_no_tenant_table_is_created()
    {
        await using var services = Build([]);
        await services.GetRequiredService<PersistenceMigrator>().MigrateAsync();

        Assert.IsType<ConfigurationTenantStore>(services.GetRequiredService<ITenantStore>());
        Assert.Equal("Acme Corporation", (await services.GetRequiredService<ITenantStore>().FindAsync("ACME"))?.Name);
        Assert.Empty(services.GetServices<ISchemaMigration>());
    }

    [Fact]
    public async Task With_both_stores_configured_tenants_from_configuration_and_from_the_database_resolve()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["MultiTenancy:Stores:0"] = "Configuration",
            ["MultiTenancy:Stores:1"] = "Database",
        });
        await services.GetRequiredService<PersistenceMigrator>().MigrateAsync();
        await using (var context = services.GetRequiredService<TenantDbContextFactory>().Create())
        {
            context.Tenants.Add(TenantRow.For("Initech", "Initech Ltd"));
            await context.SaveChangesAsync();
        }

        var store = services.GetRequiredService<ITenantStore>();

        Assert.Equal("Acme Corporation", (await store.FindAsync("acme"))?.Name);
        Assert.Equal("Initech Ltd", (await store.FindAsync("INITECH"))?.Name);
        Assert.Null(await store.FindAsync("globex"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        settings["ConnectionStrings:Sqlite"] = $"Data Source={_file}";
        settings["MultiTenancy:Tenants:acme:Name"] = "Acme Corporation";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPersistence(configuration)
            .AddMultiTenancy(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
