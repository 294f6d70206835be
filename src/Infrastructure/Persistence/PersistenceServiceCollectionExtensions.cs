using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Reference.Infrastructure.EventSourcing;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Postgres;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.Sqlite;
using Reference.Infrastructure.Persistence.State;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence;

/// <summary>Registers the write side: event store, unit of work, outbox, snapshots, repositories and idempotency keys.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds persistence on the provider named by <c>Persistence:Provider</c> (<c>Sqlite</c> by default,
    /// a file under <c>App_Data</c>; or <c>Postgres</c> with <c>ConnectionStrings:Postgres</c>).
    /// Migrations run at start-up in Development, or with <c>--Persistence:MigrateAndExit=true</c>.
    /// </summary>
    public static IServiceCollection AddPersistence(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<PersistenceBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PersistenceOptions.SectionName);
        const string Section = PersistenceOptions.SectionName;
        services.AddOptions<PersistenceOptions>()
            .Bind(section)
            .Validate(o => o.MaxEventPayloadBytes is > 0 and <= 64 * 1024 * 1024, $"{Section}:MaxEventPayloadBytes must be between 1 and 67108864.")
            .Validate(o => o.IdleInTransactionTimeout >= TimeSpan.Zero, $"{Section}:IdleInTransactionTimeout must be zero (off) or positive.")
            .ValidateOnStart();
        var options = section.Get<PersistenceOptions>() ?? new PersistenceOptions();

        var builder = new PersistenceBuilder(services);
        configure?.Invoke(builder);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITenantContext, AmbientTenantContext>();
        services.TryAddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        services.TryAddSingleton<ICurrentUser, AmbientCurrentUser>();
        services.TryAddSingleton<EventTypeRegistry>();
        services.TryAddSingleton<IEventTypeRegistry>(sp => sp.GetRequiredService<EventTypeRegistry>());
        services.TryAddSingleton<IEventSerializer>(sp => new JsonEventSerializer(
            sp.GetRequiredService<IEventTypeRegistry>(),
            sp.GetServices<IEventUpcaster>()));
        services.TryAddSingleton(sp => new EventStoreOptions
        {
            MaxEventPayloadBytes = sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.MaxEventPayloadBytes,
        });
        services.TryAddSingleton<EventMetadataFactory>();
        services.TryAddSingleton<AppendPreparer>();
        services.TryAddSingleton<StoredEventMaterializer>();
        services.TryAddSingleton<CommittedEventsNotifier>();
        services.TryAddSingleton<OutboxMessageFactory>();
        services.TryAddSingleton(DefinedStateStoredAggregates.ModelOf);
        // A slice declares its aggregates (StateStoredAggregateDefinition, EventSourcedAggregateDefinition<,>) and
        // these serve their repositories; a slice never builds one.
        services.TryAddScoped(typeof(IRepository<,>), typeof(StateStoredRepository<,>));
        services.TryAddScoped(typeof(IEventSourcedRepository<,>), typeof(OutboxPublishingRepository<,>));
        services.TryAddScoped(typeof(IAggregateSnapshots<,>), typeof(OutboxPublishingRepository<,>));
        services.TryAddSingleton(sp => new StateDbContextFactory(
            sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.Provider,
            sp.GetRequiredService<StateStoreModel>(),
            sp.GetRequiredService<ITenantContext>(),
            builder.StateMigrationsAssembly));

        services.TryAddScoped<PersistenceSession>();
        services.TryAddScoped<IUnitOfWork>(sp => sp.GetRequiredService<PersistenceSession>());
        services.TryAddSingleton<PersistenceMigrator>();
        services.AddSingleton<IMigrationSet, WriteSideMigrationSet>();
        services.AddHostedService<PersistenceMigrationService>();

        if (options.Provider == PersistenceProvider.Postgres)
        {
            AddPostgres(services, configuration, options);
        }
        else
        {
            AddSqlite(services, configuration);
        }

        return services;
    }

    private static void AddPostgres(IServiceCollection services, IConfiguration configuration, PersistenceOptions options)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Persistence:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        services.TryAddSingleton(_ => PostgresConnector.CreateDataSource(connectionString, options));
        services.TryAddSingleton<DatabaseConnector>(sp => new PostgresConnector(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddDbContext<EventStoreDbContext, PostgresEventStoreDbContext>((sp, db) => db.UseNpgsql(
            sp.GetRequiredService<NpgsqlDataSource>(),
            npgsql => npgsql.MigrationsHistoryTable(EventStoreDbContext.MigrationsHistoryTable)));
        services.TryAddScoped<IEventStore, PostgresEventStore>();
        services.TryAddScoped<IOutbox, PostgresOutbox>();
        services.TryAddScoped<ISnapshotStore, PostgresSnapshotStore>();
    }

    private static void AddSqlite(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = SqliteDatabaseFile.ResolveConnectionString(
            configuration.GetConnectionString("Sqlite") ?? "Data Source=App_Data/reference.db",
            configuration[Microsoft.Extensions.Hosting.HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory);
        services.TryAddSingleton<DatabaseConnector>(new SqliteConnector(connectionString));
        services.AddDbContext<EventStoreDbContext, SqliteEventStoreDbContext>(db => db.UseSqlite(
            connectionString,
            sqlite => sqlite.MigrationsHistoryTable(EventStoreDbContext.MigrationsHistoryTable)));
        services.TryAddScoped<IEventStore, SqliteEventStore>();
        services.TryAddScoped<IOutbox, SqliteOutbox>();
        services.TryAddScoped<ISnapshotStore, SqliteSnapshotStore>();
    }
}
