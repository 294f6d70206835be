using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Identity.Authorization;
using Reference.Infrastructure.MultiTenancy.Database;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.MultiTenancy;

public static class MultiTenancyServiceCollectionExtensions
{
    /// <summary>
    /// The tenancy module: options from <c>MultiTenancy</c>, the tenant stores named by
    /// <c>MultiTenancy:Stores</c> (configuration only by default; another <see cref="ITenantStore"/>
    /// registered earlier wins), the resolver (which needs the identity module's policy enforcement point
    /// for <c>MultiTenancy:CrossTenantPermission</c>), the ambient context, and the <see cref="ITenantDirectory"/>
    /// that tenant administration writes through. The database store uses the
    /// write side's database (<c>AddPersistence</c>), which also migrates its table.
    /// </summary>
    public static IServiceCollection AddMultiTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MultiTenancyOptions.SectionName);
        services.AddOptions<MultiTenancyOptions>()
            .Bind(section)
            .ValidatePlatformPermission(o => o.CrossTenantPermission, $"{MultiTenancyOptions.SectionName}:{nameof(MultiTenancyOptions.CrossTenantPermission)}")
            .ValidateOnStart();
        var stores = (section.Get<MultiTenancyOptions>()?.Stores ?? []).Distinct().ToArray();
        if (stores.Length == 0)
        {
            stores = [TenantStoreKind.Configuration];
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConfigurationTenantStore>();
        if (stores.Contains(TenantStoreKind.Database))
        {
            services.TryAddSingleton(sp => new TenantDbContextFactory(sp.GetRequiredService<DatabaseConnector>()));
            services.TryAddSingleton<DatabaseTenantStore>();
            services.TryAddSingleton(sp => new CachingTenantStore(
                sp.GetRequiredService<DatabaseTenantStore>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<MultiTenancyOptions>>().Value.Cache));
            services.AddSingleton<ISchemaMigration, TenantStoreSchemaMigration>();
        }

        services.TryAddSingleton<ITenantStore>(sp => Compose(sp, stores));
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<ITenantContext, AmbientTenantContext>();
        services.TryAddScoped<ITenantDirectory>(sp => new TenantDirectory(
            sp.GetRequiredService<IOptionsMonitor<MultiTenancyOptions>>(),
            stores,
            sp.GetRequiredService<PersistenceSession>(),
            stores.Contains(TenantStoreKind.Database)
                ? new TenantDirectory.WritableStore(sp.GetRequiredService<TenantDbContextFactory>(), sp.GetRequiredService<CachingTenantStore>())
                : null));
        return services;
    }

    private static ITenantStore Compose(IServiceProvider services, TenantStoreKind[] kinds)
    {
        var stores = kinds.Select(kind => kind switch
        {
            TenantStoreKind.Configuration => (ITenantStore)services.GetRequiredService<ConfigurationTenantStore>(),
            TenantStoreKind.Database => services.GetRequiredService<CachingTenantStore>(),
            _ => throw new InvalidOperationException($"Unknown tenant store '{kind}' in MultiTenancy:Stores."),
        }).ToArray();
        return stores.Length == 1 ? stores[0] : new CompositeTenantStore(stores);
    }
}
