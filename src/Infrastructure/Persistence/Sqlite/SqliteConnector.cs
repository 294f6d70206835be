using System.Data.Common;
using Microsoft.Data.Sqlite;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Connections to one SQLite file. Write transactions are <c>BEGIN IMMEDIATE</c>: the single write
/// lock is taken up front, so two writers queue (busy timeout) instead of failing half-way.
/// </summary>
public sealed class SqliteConnector(string connectionString) : DatabaseConnector
{
    public string ConnectionString { get; } = connectionString;

    public override PersistenceProvider Provider => PersistenceProvider.Sqlite;

    public override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
