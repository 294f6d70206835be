using Reference.IntegrationTests.Persistence.Support;
using Reference.TestSupport.Contracts.EventStore;
using Reference.TestSupport.Contracts.Outbox;

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

public sealed class PostgresEventStoreContract(PostgresWriteSideDatabase database)
    : EventStoreContractTests, IClassFixture<PostgresWriteSideDatabase>
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
