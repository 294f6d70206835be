using System.Data.Common;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Postgres;

/// <summary>
/// The event store on PostgreSQL. An append is one statement, so one round trip: a data-modifying
/// CTE checks and bumps the stream version, then inserts every event in one multi-row insert; the
/// unique index on (tenant, event id) refuses reused ids. If the version check fails nothing is
/// written and a second query works out whether it was a retry of a committed append, a duplicate
/// event id or a real conflict.
/// The global log is read in (transaction id, position) order, only below the oldest transaction
/// still running, so an event committed late is never skipped.
/// </summary>
public sealed class PostgresEventStore(
    PersistenceSession session,
    AppendPreparer preparer,
    StoredEventMaterializer materializer,
    ITenantContext tenantContext,
    CommittedEventsNotifier committed) : IEventStore
{
    private const string EventColumns =
        "e.tx_id::text::bigint, e.global_position, e.tenant_id, e.stream_id, s.stream_type, e.stream_version, " +
        "e.event_id, e.event_type, e.schema_version, e.data::text, e.metadata::text, e.recorded_at";

    private const string UniqueEventIdIndex = "ux_events_event_id";

    /// <summary>
    /// The oldest transaction that may still commit events, from the statement's own snapshot:
    /// everything below it has committed or never will (ADR 0003). Transaction ids are cluster-wide,
    /// so a transaction that pg_stat_activity shows running in another database is left out: it
    /// cannot write this database's events, and letting it hold the horizon would stall readers for
    /// nothing. A transaction this cannot place (for instance one that ended meanwhile, or whose
    /// session the role may not see) still counts, so the horizon only ever errs on the safe side.
    /// </summary>
    private const string Horizon = """
        least(
            pg_snapshot_xmax(pg_current_snapshot()),
            (SELECT min(running.xid) FROM pg_snapshot_xip(pg_current_snapshot()) AS running(xid)
             WHERE xid(running.xid) NOT IN (
                 SELECT a.backend_xid FROM pg_stat_activity a
                 WHERE a.datname <> current_database() AND a.backend_xid IS NOT NULL)))
        """;


    public async Task<AppendResult> AppendAsync(
        string streamId,
        string streamType,
        ExpectedVersion expected,
        IReadOnlyList<DomainEvent> events,
        CancellationToken cancellationToken = default)
    {
        var append = preparer.Prepare(streamId, streamType, expected, events);
        var result = await AppendAsync(append, cancellationToken);
        await committed.AppendedAsync(session, cancellationToken);
        return result;
    }

    private async Task<AppendResult> AppendAsync(PreparedAppend append, CancellationToken cancellationToken)
    {
        try
        {
            return await session.WriteAsync((connection, transaction, ct) => AppendAsync((NpgsqlConnection)connection, append, ct), cancellationToken);
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueEventIdIndex })
        {
            // The version check passed but an event id is already stored. Outside a unit of work the
            // append's own transaction has rolled back, so the committed data says whether this was a
            // retry of an append that did commit. Inside one, the transaction cannot go on either way.
            if (session.IsActive)
            {
                throw new InvalidAppendException(
                    InvalidAppendException.Codes.DuplicateEvent,
                    "An event id of this append is already stored; the unit of work cannot continue.");
            }

            return await session.ReadCommittedAsync((connection, ct) => ResolveRejectedAsync((NpgsqlConnection)connection, append, ct), cancellationToken);
        }
    }

    private async Task<AppendResult> AppendAsync(NpgsqlConnection connection, PreparedAppend append, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand(BuildAppendSql(append.Expected), connection))
        {
            AddAppendParameters(command.Parameters, append);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new AppendResult(reader.GetInt64(0), new LogPosition(reader.GetInt64(2), reader.GetInt64(1)));
            }
        }

        return await ResolveRejectedAsync(connection, append, cancellationToken);
    }

    private static string BuildAppendSql(ExpectedVersion expected)
    {
        var versionCheck = expected switch
        {
            { IsAny: true } => """
                INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at)
                VALUES (@tenant, @stream, @stream_type, @count, false, @now, @now)
                ON CONFLICT (tenant_id, stream_id) DO UPDATE
                    SET version = streams.version + excluded.version, updated_at = excluded.updated_at
                    WHERE streams.stream_type = excluded.stream_type
                RETURNING version
                """,
            { Value: 0 } => """
                INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at)
                VALUES (@tenant, @stream, @stream_type, @count, false, @now, @now)
                ON CONFLICT (tenant_id, stream_id) DO NOTHING
                RETURNING version
                """,
            { IsStreamExists: true } => """
                UPDATE streams SET version = version + @count, updated_at = @now
                WHERE tenant_id = @tenant AND stream_id = @stream AND version > 0
                    AND stream_type = @stream_type
                RETURNING version
                """,
            _ => """
                UPDATE streams SET version = version + @count, updated_at = @now
                WHERE tenant_id = @tenant AND stream_id = @stream AND version = @expected
                    AND stream_type = @stream_type
                RETURNING version
                """,
        };

        return $"""
            WITH checked AS ({versionCheck}),
            appended AS (
                INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at)
                SELECT @tenant, @stream, checked.version - @count + e.ordinal, e.event_id, e.event_type, e.schema_version, e.data::jsonb, @metadata, @now
                FROM checked, unnest(@ids, @types, @schemas, @data) WITH ORDINALITY AS e(event_id, event_type, schema_version, data, ordinal)
                ORDER BY e.ordinal
                RETURNING global_position, tx_id, stream_version)
            SELECT stream_version, global_position, tx_id::text::bigint FROM appended ORDER BY stream_version DESC LIMIT 1
            """;
    }

    private static void AddAppendParameters(NpgsqlParameterCollection parameters, PreparedAppend append)
    {
        parameters.Add(new NpgsqlParameter<string>("tenant", append.TenantId));
        parameters.Add(new NpgsqlParameter<string>("stream", append.StreamId));
        parameters.Add(new NpgsqlParameter<string>("stream_type", append.StreamType));
        parameters.Add(new NpgsqlParameter<long>("count", append.Events.Count));
        parameters.Add(new NpgsqlParameter<long>("expected", append.Expected.Value));
        parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", append.RecordedAt));
        parameters.Add(new NpgsqlParameter<Guid[]>("ids", append.Events.Select(e => e.EventId).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("types", append.Events.Select(e => e.EventType).ToArray()));
        parameters.Add(new NpgsqlParameter<int[]>("schemas", append.Events.Select(e => e.SchemaVersion).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("data", append.Events.Select(e => e.Json).ToArray()));
        parameters.Add(new NpgsqlParameter<string>("metadata", append.MetadataJson) { NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    private static async Task<AppendResult> ResolveRejectedAsync(NpgsqlConnection connection, PreparedAppend append, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT version, stream_type FROM streams WHERE tenant_id = @tenant AND stream_id = @stream"),
                new NpgsqlBatchCommand("""
                    SELECT e.event_id, e.stream_id, e.stream_version, e.tx_id::text::bigint, e.global_position,
                           e.event_type = x.event_type AND e.schema_version = x.schema_version AND e.data = x.data::jsonb
                    FROM events e
                    JOIN unnest(@ids, @types, @schemas, @data) AS x(event_id, event_type, schema_version, data) ON x.event_id = e.event_id
                    WHERE e.tenant_id = @tenant
                    """),
            },
        };
        foreach (var command in batch.BatchCommands)
        {
            AddLookupParameters((NpgsqlParameterCollection)command.Parameters, append);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        StreamState? stream = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            stream = new StreamState(reader.GetInt64(0), reader.GetString(1));
        }

        await reader.NextResultAsync(cancellationToken);
        var existing = new List<ExistingEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(new ExistingEvent(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetInt64(2),
                new LogPosition(reader.GetInt64(3), reader.GetInt64(4)),
                reader.GetBoolean(5)));
        }

        return RejectedAppend.Resolve(append, stream, existing);
    }

    private static void AddLookupParameters(NpgsqlParameterCollection parameters, PreparedAppend append)
    {
        parameters.Add(new NpgsqlParameter<string>("tenant", append.TenantId));
        parameters.Add(new NpgsqlParameter<string>("stream", append.StreamId));
        parameters.Add(new NpgsqlParameter<Guid[]>("ids", append.Events.Select(e => e.EventId).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("types", append.Events.Select(e => e.EventType).ToArray()));
        parameters.Add(new NpgsqlParameter<int[]>("schemas", append.Events.Select(e => e.SchemaVersion).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("data", append.Events.Select(e => e.Json).ToArray()));
    }

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId,
        StreamDirection direction = StreamDirection.Forward,
        long fromVersion = 0,
        int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequireTenantId();
        var sql = StreamReadSql.Build(EventColumns, direction);
        var events = await session.ReadAsync(
            (connection, transaction, ct) => QueryAsync(connection, sql, p =>
            {
                p.Add(new NpgsqlParameter<string>("tenant", tenantId));
                p.Add(new NpgsqlParameter<string>("stream", streamId));
                p.Add(new NpgsqlParameter<long>("from", fromVersion));
                p.Add(new NpgsqlParameter<int>("max", maxCount));
            }, reader => materializer.ReadStreamAsync(reader, ct), ct),
            cancellationToken);
        foreach (var storedEvent in events)
        {
            yield return storedEvent;
        }
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT version FROM streams WHERE tenant_id = @tenant AND stream_id = @stream",
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                command.Parameters.Add(new NpgsqlParameter<string>("stream", streamId));
                return await command.ExecuteScalarAsync(ct) is long version ? version : 0L;
            },
            cancellationToken);
    }

    public async Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        string? tenantId = tenantContext.IsSystemScope ? null : tenantContext.RequireTenantId();

        var sql = $"""
            SELECT {EventColumns}
            FROM events e JOIN streams s ON s.tenant_id = e.tenant_id AND s.stream_id = e.stream_id
            WHERE (e.tx_id, e.global_position) > (@after_tx::text::xid8, @after_position)
              AND e.tx_id < {Horizon}
              AND (@tenant::text IS NULL OR e.tenant_id = @tenant)
            ORDER BY e.tx_id, e.global_position
            LIMIT @max
            """;
        return await session.ReadAsync(
            (connection, transaction, ct) => QueryAsync(connection, sql, p =>
            {
                p.Add(new NpgsqlParameter<string>("after_tx", after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                p.Add(new NpgsqlParameter<long>("after_position", after.Position));
                p.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenantId ?? DBNull.Value });
                p.Add(new NpgsqlParameter<int>("max", maxCount));
            }, reader => materializer.ReadPageAsync(reader, after, ct), ct),
            cancellationToken);
    }

    public Task<long> CountAllAsync(CancellationToken cancellationToken = default)
    {
        string? tenantId = tenantContext.IsSystemScope ? null : tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT count(*) FROM events e WHERE e.tx_id < {Horizon} AND (@tenant::text IS NULL OR e.tenant_id = @tenant)",
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenantId ?? DBNull.Value });
                return (long)(await command.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);
    }

    private static async Task<T> QueryAsync<T>(
        DbConnection connection,
        string sql,
        Action<NpgsqlParameterCollection> bind,
        Func<DbDataReader, Task<T>> read,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader);
    }
}
