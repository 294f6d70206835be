using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Schema;
using Reference.Infrastructure.Persistence.State;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Audit;

/// <summary>A database the audit tests run against, empty at the start of each test.</summary>
public interface IAuditDatabase
{
    Task<AuditTestHost> StartFreshAsync();
}

/// <summary>One PostgreSQL database per test class, migrated once and emptied (Respawn) before each test.</summary>
public sealed class PostgresAuditDatabase : IAuditDatabase, IAsyncLifetime
{
    private DatabaseReset? _reset;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("audit");
        _reset = new DatabaseReset(connectionString, EventStoreDbContext.MigrationsHistoryTable, StateDbContext.MigrationsHistoryTable, AuditDbContext.MigrationsHistoryTable);
        await using var host = await AuditTestHost.StartAsync(PersistenceProvider.Postgres, connectionString);
    }

    public async Task<AuditTestHost> StartFreshAsync()
    {
        await _reset!.ResetAsync();
        return await AuditTestHost.StartAsync(PersistenceProvider.Postgres, _reset.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_reset is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_reset.ConnectionString);
        }
    }
}

/// <summary>A new SQLite file per test.</summary>
public sealed class SqliteAuditDatabase : IAuditDatabase, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reference-tests", Guid.NewGuid().ToString("N"));

    public Task<AuditTestHost> StartFreshAsync() =>
        AuditTestHost.StartAsync(PersistenceProvider.Sqlite, $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
