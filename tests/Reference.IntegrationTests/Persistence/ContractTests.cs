using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts.EventStore;
using Reference.TestSupport.Contracts.Outbox;
using Reference.TestSupport.Contracts.Repository;
using Reference.TestSupport.Contracts.Snapshots;

namespace Reference.IntegrationTests.Persistence;

/// <summary>Builds the port contract harnesses from one DI scope of the real write side.</summary>
internal static class ContractHarnesses
{
    public static async Task<EventStoreHarness> EventStoreAsync(IWriteSideDatabase database, TimeProvider time)
    {
        var host = await database.StartFreshHostAsync(time: time);
        var scope = host.CreateScope();
        return new EventStoreHarness(scope.CreateEventStore, scope.UnitOfWork, scope.Outbox, async () =>
        {
            await scope.DisposeAsync();
            await host.DisposeAsync();
        });
    }

    public static async Task<RepositoryHarness> RepositoryAsync(IWriteSideDatabase database)
    {
        var host = await database.StartFreshHostAsync();
        var scope = host.CreateScope();
        return new RepositoryHarness(() => scope.Accounts, scope.EventStore, scope.Outbox, scope.UnitOfWork, async () =>
        {
            await scope.DisposeAsync();
            await host.DisposeAsync();
        });
    }

    public static async Task<OutboxHarness> OutboxAsync(IWriteSideDatabase database, TimeProvider time)
    {
        var host = await database.StartFreshHostAsync(time: time);
        var scope = host.CreateScope();
        return new OutboxHarness(scope.Outbox, scope.UnitOfWork, async () =>
        {
            await scope.DisposeAsync();
            await host.DisposeAsync();
        });
    }
}

public sealed class PostgresEventStoreContract(IsolatedPostgresWriteSideDatabase database)
    : EventStoreContractTests, IClassFixture<IsolatedPostgresWriteSideDatabase>
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.EventStoreAsync(database, time);
}

public sealed class SqliteEventStoreContract(SqliteWriteSideDatabase database)
    : EventStoreContractTests, IClassFixture<SqliteWriteSideDatabase>
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.EventStoreAsync(database, time);
}

public sealed class PostgresUnitOfWorkContract(PostgresWriteSideDatabase database)
    : UnitOfWorkContractTests, IClassFixture<PostgresWriteSideDatabase>
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.EventStoreAsync(database, time);
}

public sealed class SqliteUnitOfWorkContract(SqliteWriteSideDatabase database)
    : UnitOfWorkContractTests, IClassFixture<SqliteWriteSideDatabase>
{
    protected override Task<EventStoreHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.EventStoreAsync(database, time);
}

public sealed class PostgresOutboxContract(PostgresWriteSideDatabase database)
    : OutboxContractTests, IClassFixture<PostgresWriteSideDatabase>
{
    protected override Task<OutboxHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.OutboxAsync(database, time);
}

public sealed class SqliteOutboxContract(SqliteWriteSideDatabase database)
    : OutboxContractTests, IClassFixture<SqliteWriteSideDatabase>
{
    protected override Task<OutboxHarness> CreateHarnessAsync(TimeProvider time) => ContractHarnesses.OutboxAsync(database, time);
}

public sealed class PostgresRepositoryContract(PostgresWriteSideDatabase database)
    : RepositoryContractTests, IClassFixture<PostgresWriteSideDatabase>
{
    protected override Task<RepositoryHarness> CreateHarnessAsync() => ContractHarnesses.RepositoryAsync(database);
}

public sealed class SqliteRepositoryContract(SqliteWriteSideDatabase database)
    : RepositoryContractTests, IClassFixture<SqliteWriteSideDatabase>
{
    protected override Task<RepositoryHarness> CreateHarnessAsync() => ContractHarnesses.RepositoryAsync(database);
}

public sealed class PostgresSnapshotStoreContract(PostgresWriteSideDatabase database)
    : SnapshotStoreContractTests, IClassFixture<PostgresWriteSideDatabase>
{
    private PersistenceTestHost? _host;

    protected override async Task<ISnapshotStore> CreateSnapshotStoreAsync()
    {
        _host = await database.StartFreshHostAsync();
        return _host.CreateScope().Snapshots;
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public sealed class SqliteSnapshotStoreContract(SqliteWriteSideDatabase database)
    : SnapshotStoreContractTests, IClassFixture<SqliteWriteSideDatabase>
{
    private PersistenceTestHost? _host;

    protected override async Task<ISnapshotStore> CreateSnapshotStoreAsync()
    {
        _host = await database.StartFreshHostAsync();
        return _host.CreateScope().Snapshots;
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
