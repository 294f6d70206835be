using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>Snapshots on SQLite: the same rules as on PostgreSQL, one row per (tenant, stream, snapshot type).</summary>
public sealed class SqliteSnapshotStore(PersistenceSession session, ITenantContext tenantContext, TimeProvider timeProvider) : ISnapshotStore
{
    public Task<Snapshot?> GetLatestAsync(string streamId, string snapshotType, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, """
                    SELECT version, schema_version, data FROM snapshots
                    WHERE tenant_id = @tenant AND stream_id = @stream AND snapshot_type = @type
                    """).With("@tenant", tenantId).With("@stream", streamId).With("@type", snapshotType);
                await using var reader = await command.ExecuteReaderAsync(ct);
                return await reader.ReadAsync(ct)
                    ? new Snapshot(streamId, snapshotType, reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2))
                    : null;
            },
            cancellationToken);
    }

    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var tenantId = tenantContext.RequireTenantId();
        var now = timeProvider.GetUtcNow();
        await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, """
                    INSERT INTO snapshots (tenant_id, stream_id, snapshot_type, version, schema_version, data, created_at)
                    VALUES (@tenant, @stream, @type, @version, @schema, @data, @now)
                    ON CONFLICT (tenant_id, stream_id, snapshot_type) DO UPDATE
                        SET version = excluded.version, schema_version = excluded.schema_version,
                            data = excluded.data, created_at = excluded.created_at
                        WHERE snapshots.version <= excluded.version
                    """).With("@tenant", tenantId).With("@stream", snapshot.StreamId).With("@type", snapshot.SnapshotType)
                    .With("@version", snapshot.Version).With("@schema", snapshot.SchemaVersion).With("@data", snapshot.Data).With("@now", now);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
