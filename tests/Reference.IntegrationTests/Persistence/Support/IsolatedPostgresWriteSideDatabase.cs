using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>
/// A write-side database on a PostgreSQL cluster no other test class uses, for the event store contract: it asserts
/// the exact page of single reads of the log, which transactions of other databases on a shared cluster can
/// hold back for a moment (see <see cref="PostgresServer.CreateIsolatedDatabaseAsync"/>).
/// </summary>
public sealed class IsolatedPostgresWriteSideDatabase : PostgresWriteSideDatabase
{
    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateIsolatedDatabaseAsync("event-store-contract", "writeside");
}
