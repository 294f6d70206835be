using Npgsql;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// The oldest session of this database whose transaction holds a transaction id (it has written, or is about to:
/// read-only transactions never hold the horizon), from <c>pg_stat_activity</c> joined to the running transactions of
/// the current snapshot: the same set the global log's horizon is computed from. Sessions of other databases are
/// left out, as the horizon leaves them out. Needs a role that can see other sessions' activity (the owner of the
/// sessions, or <c>pg_read_all_stats</c>); a transaction the role cannot see still holds the horizon, but is only
/// reported through the lag metrics.
/// </summary>
public sealed class PostgresHorizonProbe(NpgsqlDataSource dataSource) : IProjectionHorizonProbe
{
    /// <summary>Counting the events waiting behind a blocker stops here (the query's LIMIT), so a long stall never makes the probe slow.</summary>
    public const int HeldBackCountLimit = 100_000;

    private const string Sql = """
        SELECT a.pid, coalesce(a.state, 'unknown'), nullif(a.application_name, ''), a.usename, host(a.client_addr),
               extract(epoch FROM clock_timestamp() - a.xact_start)::float8,
               running.xid::text::bigint,
               (SELECT count(*) FROM (SELECT 1 FROM events e WHERE e.tx_id > running.xid LIMIT 100000) AS waiting)
        FROM pg_stat_activity a
        JOIN pg_snapshot_xip(pg_current_snapshot()) AS running(xid) ON xid(running.xid) = a.backend_xid
        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
        ORDER BY running.xid
        LIMIT 1
        """;

    public async Task<OpenWriteTransaction?> FindOldestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new OpenWriteTransaction(
            reader.GetInt32(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(5))),
            reader.GetInt64(6),
            reader.GetInt64(7));
    }
}
