using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sqlite;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore.Mongo;
using Reference.Infrastructure.ReadStore.Relational;
using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.ReadStore;

/// <summary>Registers the read store selected by <c>ReadStore:Provider</c> (Relational by default).</summary>
public static class ReadStoreServiceCollectionExtensions
{
    // A waiting request holds its connection and a share of the server; past this, a client should poll instead.
    private static readonly TimeSpan MaxConsistencyWait = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddReadStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.GetValue("ReadStore:Provider", ReadStoreProvider.Relational);
        services.TryAddSingleton(sp => new ReadModelCatalog(sp.GetServices<ReadModelRegistration>().Select(r => r.ReadModelType)));

        // The engine's own tables stay with the write side whatever holds the read models: the inbox
        // commits with the consumer's writes, and outbox maintenance works on the outbox next to it.
        services.AddProjectionsDatabase(RelationalTarget(configuration));
        services.AddReadModelWaits(configuration);
        return provider switch
        {
            ReadStoreProvider.InMemory => services.AddInMemoryReadStore(),
            ReadStoreProvider.Mongo => services.AddMongoReadStore(configuration),
            _ => services.AddRelationalReadStore(RelationalTarget(configuration)),
        };
    }

    /// <summary>Bounded read-your-writes waits on any read model (<see cref="ReadModelWaiter{TDocument}"/>), tuned by <c>ReadModels:ConsistencyWait</c>.</summary>
    public static IServiceCollection AddReadModelWaits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadModelWaitOptions>()
            .Bind(configuration.GetSection(ReadModelWaitOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= MaxConsistencyWait, $"{ReadModelWaitOptions.Section}:Timeout must be positive and at most {MaxConsistencyWait}.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{ReadModelWaitOptions.Section}:PollInterval must be positive.")
            .Validate(o => o.RetryAfter >= TimeSpan.FromSeconds(1), $"{ReadModelWaitOptions.Section}:RetryAfter must be at least one second.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReadModelWaitOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(typeof(ReadModelCommitSignal<>));
        services.TryAddSingleton(typeof(ReadModelWaiter<>));
        return services;
    }

    public static IServiceCollection AddInMemoryReadStore(this IServiceCollection services)
    {
        services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        services.AddSingleton(typeof(IReadModelStore<>), typeof(InMemoryReadModelStore<>));
        services.AddSingleton<IProjectionDeadLetters, InMemoryProjectionDeadLetters>();
        return services;
    }

    public static IServiceCollection AddRelationalReadStore(this IServiceCollection services, (RelationalEngine Engine, string ConnectionString) target)
    {
        services.AddProjectionsDatabase(target);
        services.AddDbContextFactory<ReadModelDbContext>(o => RelationalReadStoreDatabase.Configure(o, target.Engine, target.ConnectionString));
        services.AddSingleton<ICheckpointStore, RelationalCheckpointStore>();
        services.AddSingleton(typeof(IReadModelStore<>), typeof(RelationalReadModelStore<>));
        services.AddSingleton<IProjectionDeadLetters, RelationalProjectionDeadLetters>();
        services.AddHostedService<ReadStoreSchemaInitializer>();
        services.AddSingleton<IMigrationSet, ProjectionsMigrationSet>();
        services.AddSingleton<IReadStoreProbe, RelationalReadStoreProbe>();
        return services;
    }

    /// <summary>
    /// The engine's tables (checkpoints, dead letters, serving generations, inbox) in the write side's
    /// database, migrated at start-up. Registered once, however many modules ask for it.
    /// </summary>
    public static IServiceCollection AddProjectionsDatabase(this IServiceCollection services, (RelationalEngine Engine, string ConnectionString) target)
    {
        if (services.Any(d => d.ServiceType == typeof(IDbContextFactory<ProjectionsDbContext>)))
        {
            return services;
        }

        services.AddDbContextFactory<ProjectionsDbContext>(o => RelationalReadStoreDatabase.Configure(o, target.Engine, target.ConnectionString));
        services.AddHostedService<ProjectionsSchemaMigrator>();
        return services;
    }

    /// <summary>The write side's database: <c>Persistence:Provider</c> = Sqlite (default) | Postgres.</summary>
    public static (RelationalEngine Engine, string ConnectionString) RelationalTarget(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var engine = configuration.GetValue("Persistence:Provider", RelationalEngine.Sqlite);
        if (engine == RelationalEngine.Postgres)
        {
            return (engine, configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Persistence:Provider is Postgres but ConnectionStrings:Postgres is not set."));
        }

        // The same file as the write side, resolved the same way (relative to the content root).
        var sqlite = SqliteDatabaseFile.ResolveConnectionString(
            configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/reference.db",
            configuration[Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory);
        return (engine, sqlite);
    }
}
