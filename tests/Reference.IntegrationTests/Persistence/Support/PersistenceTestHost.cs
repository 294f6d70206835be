using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Idempotency;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Postgres;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.Sqlite;
using Reference.Infrastructure.Persistence.State;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using Reference.TestSupport.Contracts.Repository;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>
/// The write side wired exactly as the application wires it (<see cref="PersistenceServiceCollectionExtensions.AddPersistence"/>),
/// on one provider, with the test events, upcaster and <see cref="Customer"/> aggregate registered.
/// Each <see cref="CreateScope"/> is one request's worth of scoped ports.
/// </summary>
public sealed class PersistenceTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PersistenceTestHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public ITenantContext Tenants => _services.GetRequiredService<ITenantContext>();

    public static async Task<PersistenceTestHost> StartAsync(
        PersistenceProvider provider,
        string connectionString,
        Action<IDictionary<string, string?>>? settings = null,
        TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{provider}"] = connectionString,
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddSingleton<IHostApplicationLifetime, NullLifetime>();
        services.AddSingleton<IEventUpcaster, ItemRenamedV1Upcaster>();
        services.AddPersistence(configuration, persistence => persistence
            .AddStateStoredAggregate<Customer, Guid>(customer => customer.HasUniqueIndexPerTenant(c => c.Email))
            .AddStateStoredAggregate<ContractAccount, Guid>());
        services.AddIdempotency(configuration);

        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        serviceProvider.GetRequiredService<EventTypeRegistry>()
            .RegisterFromAssembly(typeof(PersistenceTestHost).Assembly)
            .Register<AccountOpened>()
            .Register<MoneyDeposited>();
        await serviceProvider.GetRequiredService<PersistenceMigrator>().MigrateAsync();
        return new PersistenceTestHost(serviceProvider);
    }

    public PortsScope CreateScope() => new(_services.CreateAsyncScope());

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Reference.IntegrationTests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class NullLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

/// <summary>One DI scope's ports: what a single request or job would get.</summary>
public sealed class PortsScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public IEventStore EventStore => scope.ServiceProvider.GetRequiredService<IEventStore>();

    public IUnitOfWork UnitOfWork => scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

    public IOutbox Outbox => scope.ServiceProvider.GetRequiredService<IOutbox>();

    public ISnapshotStore Snapshots => scope.ServiceProvider.GetRequiredService<ISnapshotStore>();

    public IRepository<ContractAccount, Guid> Accounts => scope.ServiceProvider.GetRequiredService<IRepository<ContractAccount, Guid>>();

    public IRepository<Customer, Guid> Customers => scope.ServiceProvider.GetRequiredService<IRepository<Customer, Guid>>();

    public IServiceProvider Services => scope.ServiceProvider;

    /// <summary>
    /// An event store of this scope's provider that joins this scope's unit of work but reads and
    /// writes with the given serializer and limits (the contract tests read one log several ways).
    /// </summary>
    public IEventStore CreateEventStore(IEventSerializer serializer, EventStoreOptions options)
    {
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<PersistenceSession>();
        var tenants = services.GetRequiredService<ITenantContext>();
        var preparer = new AppendPreparer(
            serializer,
            options,
            services.GetRequiredService<EventMetadataFactory>(),
            tenants,
            services.GetRequiredService<TimeProvider>());
        var materializer = new StoredEventMaterializer(serializer);
        return session.Provider == PersistenceProvider.Postgres
            ? new PostgresEventStore(session, preparer, materializer, tenants, new CommittedEventsNotifier([]))
            : new SqliteEventStore(session, preparer, materializer, tenants, new CommittedEventsNotifier([]));
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
