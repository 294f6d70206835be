using System.Data.Common;

namespace Reference.Infrastructure.Persistence.Sessions;

/// <summary>Opens connections and write transactions the way the configured database wants them.</summary>
public abstract class DatabaseConnector
{
    public abstract PersistenceProvider Provider { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Begins a transaction that may write (on SQLite it takes the write lock at once).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);
}
