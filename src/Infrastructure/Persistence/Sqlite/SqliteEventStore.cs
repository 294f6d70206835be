using System.Data.Common;
using System.Runtime.CompilerServices;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The event store on SQLite, for running with no infrastructure. Every write transaction holds
/// SQLite's single write lock from its first statement (<c>BEGIN IMMEDIATE</c>), so the version
/// check and the inserts cannot interleave with another writer, and events become visible in
/// global-position order: the position is a gap-safe checkpoint by itself and also serves as the
/// log position's transaction part (ADR 0003).
/// </summary>
public sealed class SqliteEventStore(
    PersistenceSession session,
    AppendPreparer preparer,
    StoredEventMaterializer materializer,
    ITenantContext tenantContext,
    CommittedEventsNotifier committed) : IEventStore
{
    private const string EventColumns =
        "e.global_position, e.global_position, e.tenant_id, e.stream_id, s.stream_type, e.stream_version, " +
        "e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at";

    public async Task<AppendResult> AppendAsync(
        string streamId,
        string streamType,
        ExpectedVersion expected,
        IReadOnlyList<DomainEvent> events,
        CancellationToken cancellationToken = default)
    {
        var append = preparer.Prepare(streamId, streamType, expected, events);
        var result = await session.WriteAsync((connection, transaction, ct) => AppendAsync(connection, transaction, append, ct), cancellationToken);
        await committed.AppendedAsync(session, cancellationToken);
        return result;
    }

    private async Task<AppendResult> AppendAsync(DbConnection connection, DbTransaction transaction, PreparedAppend append, CancellationToken cancellationToken)
    {
        var stream = await ReadStreamStateAsync(connection, transaction, append, cancellationToken);
        var existing = await ReadExistingAsync(connection, transaction, append, cancellationToken);
        var actual = stream?.Version ?? 0;
        var typeMatches = stream is null || string.Equals(stream.StreamType, append.StreamType, StringComparison.Ordinal);
        if (existing.Count > 0 || !typeMatches || !append.Expected.IsSatisfiedBy(actual))
        {
            return RejectedAppend.Resolve(append, stream, existing);
        }

        var next = actual + append.Events.Count;
        await using (var upsert = SqliteCommands.Create(connection, transaction, """
            INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at)
            VALUES (@tenant, @stream, @type, @version, 0, @now, @now)
            ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at
            """))
        {
            upsert.With("@tenant", append.TenantId).With("@stream", append.StreamId).With("@type", append.StreamType)
                .With("@version", next).With("@now", append.RecordedAt);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = SqliteCommands.Create(connection, transaction, """
            INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, archived)
            VALUES (@tenant, @stream, @version, @id, @type, @schema, @data, @metadata, @now, 0)
            RETURNING global_position
            """);
        insert.With("@tenant", append.TenantId).With("@stream", append.StreamId).With("@metadata", append.MetadataJson).With("@now", append.RecordedAt)
            .With("@version", 0L).With("@id", string.Empty).With("@type", string.Empty).With("@schema", 0).With("@data", string.Empty);
        var position = 0L;
        for (var i = 0; i < append.Events.Count; i++)
        {
            var evt = append.Events[i];
            var version = actual + i + 1;
            insert.Parameters["@version"].Value = version;
            insert.Parameters["@id"].Value = SqliteCommands.Text(evt.EventId);
            insert.Parameters["@type"].Value = evt.EventType;
            insert.Parameters["@schema"].Value = evt.SchemaVersion;
            insert.Parameters["@data"].Value = evt.Json;
            position = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        return new AppendResult(next, new LogPosition(position, position));
    }

    private static async Task<StreamState?> ReadStreamStateAsync(DbConnection connection, DbTransaction transaction, PreparedAppend append, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, transaction, "SELECT version, stream_type FROM streams WHERE tenant_id = @tenant AND stream_id = @stream")
            .With("@tenant", append.TenantId).With("@stream", append.StreamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StreamState(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static async Task<List<ExistingEvent>> ReadExistingAsync(DbConnection connection, DbTransaction transaction, PreparedAppend append, CancellationToken cancellationToken)
    {
        var ids = string.Join(", ", append.Events.Select((_, i) => $"@id{i}"));
        await using var command = SqliteCommands.Create(connection, transaction, $"""
            SELECT event_id, stream_id, stream_version, global_position, event_type, schema_version, data
            FROM events WHERE tenant_id = @tenant AND event_id IN ({ids})
            """).With("@tenant", append.TenantId);
        for (var i = 0; i < append.Events.Count; i++)
        {
            command.With($"@id{i}", append.Events[i].EventId);
        }

        var byId = append.Events.ToDictionary(e => e.EventId);
        var existing = new List<ExistingEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = Guid.Parse(reader.GetString(0));
            var attempted = byId[id];
            var position = reader.GetInt64(3);
            existing.Add(new ExistingEvent(
                id,
                reader.GetString(1),
                reader.GetInt64(2),
                new LogPosition(position, position),
                attempted.EventType == reader.GetString(4) && attempted.SchemaVersion == reader.GetInt32(5) && attempted.Json == reader.GetString(6)));
        }

        return existing;
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
            (connection, transaction, ct) => QueryAsync(
                SqliteCommands.Create(connection, transaction, sql)
                    .With("@tenant", tenantId).With("@stream", streamId).With("@from", fromVersion).With("@max", maxCount),
                reader => materializer.ReadStreamAsync(reader, ct),
                ct),
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
                await using var command = SqliteCommands.Create(connection, transaction, "SELECT version FROM streams WHERE tenant_id = @tenant AND stream_id = @stream")
                    .With("@tenant", tenantId).With("@stream", streamId);
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
            WHERE e.global_position > @after AND (@tenant IS NULL OR e.tenant_id = @tenant)
            ORDER BY e.global_position
            LIMIT @max
            """;
        return await session.ReadAsync(
            (connection, transaction, ct) => QueryAsync(
                SqliteCommands.Create(connection, transaction, sql).With("@after", after.Position).With("@tenant", tenantId).With("@max", maxCount),
                reader => materializer.ReadPageAsync(reader, after, ct),
                ct),
            cancellationToken);
    }

    public Task<long> CountAllAsync(CancellationToken cancellationToken = default)
    {
        string? tenantId = tenantContext.IsSystemScope ? null : tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, "SELECT count(*) FROM events WHERE @tenant IS NULL OR tenant_id = @tenant")
                    .With("@tenant", tenantId);
                return (long)(await command.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);
    }

    private static async Task<T> QueryAsync<T>(DbCommand command, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
    }
}
