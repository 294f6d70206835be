using System.Data;
using System.Data.Common;
using Npgsql;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Persistence.Postgres;

/// <summary>Connections from one pooled <see cref="NpgsqlDataSource"/>; transactions at READ COMMITTED.</summary>
public sealed class PostgresConnector(NpgsqlDataSource dataSource) : DatabaseConnector
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public override PersistenceProvider Provider => PersistenceProvider.Postgres;

    public override DbConnection CreateConnection() => DataSource.CreateConnection();

    public override async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    private static void AddServerOption(NpgsqlConnectionStringBuilder settings, string name, string value)
    {
        if (settings.Options is null || !settings.Options.Contains(name, StringComparison.Ordinal))
        {
            settings.Options = $"{settings.Options} -c {name}={value}".Trim();
        }
    }

    /// <summary>
    /// Builds the data source: statements are auto-prepared (appends repeat the same few), and an
    /// idle transaction is ended by the server so it cannot hold back the global-log horizon forever.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, PersistenceOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 50;
        }

        var timeoutMs = (long)options.IdleInTransactionTimeout.TotalMilliseconds;
        if (timeoutMs > 0)
        {
            AddServerOption(settings, "idle_in_transaction_session_timeout", timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.Build();
    }
}
