using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.State;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>
/// One database per test class on the shared test server (<see cref="PostgresServer"/>), migrated once
/// and emptied before each test, keeping the migration-history tables so migrations need not run again.
/// </summary>
public class PostgresWriteSideDatabase : IWriteSideDatabase, IAsyncLifetime
{
    private DatabaseReset? _reset;

    public string ConnectionString => _reset?.ConnectionString ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        _reset = new DatabaseReset(connectionString, EventStoreDbContext.MigrationsHistoryTable, StateDbContext.MigrationsHistoryTable);
        await using var host = await PersistenceTestHost.StartAsync(PersistenceProvider.Postgres, connectionString);
    }

    /// <summary>Where the database is created: the shared test server, unless a derived fixture needs a cluster of its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("writeside");

    public async Task<PersistenceTestHost> StartFreshHostAsync(Action<IDictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        await _reset!.ResetAsync();
        return await PersistenceTestHost.StartAsync(PersistenceProvider.Postgres, ConnectionString, settings, time);
    }

    public async Task DisposeAsync()
    {
        if (_reset is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_reset.ConnectionString);
        }
    }
}
