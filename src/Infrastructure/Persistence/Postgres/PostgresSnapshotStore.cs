using Npgsql;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Postgres;

/// <summary>
/// Snapshots on PostgreSQL: one row per (tenant, stream, snapshot type), replaced only by a snapshot
/// at the same or a later version. Whether a snapshot's schema is current is the loader's decision.
/// </summary>
public sealed class PostgresSnapshotStore(PersistenceSession session, ITenantContext tenantContext, TimeProvider timeProvider) : ISnapshotStore
{
    public Task<Snapshot?> GetLatestAsync(string streamId, string snapshotType, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequireTenantId();
        return session.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT version, schema_version, data FROM snapshots
                    WHERE tenant_id = @tenant AND stream_id = @stream AND snapshot_type = @type
                    """,
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                command.Parameters.Add(new NpgsqlParameter<string>("stream", streamId));
                command.Parameters.Add(new NpgsqlParameter<string>("type", snapshotType));
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
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO snapshots (tenant_id, stream_id, snapshot_type, version, schema_version, data, created_at)
                    VALUES (@tenant, @stream, @type, @version, @schema, @data, @now)
                    ON CONFLICT (tenant_id, stream_id, snapshot_type) DO UPDATE
                        SET version = excluded.version, schema_version = excluded.schema_version,
                            data = excluded.data, created_at = excluded.created_at
                        WHERE snapshots.version <= excluded.version
                    """,
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                command.Parameters.Add(new NpgsqlParameter<string>("stream", snapshot.StreamId));
                command.Parameters.Add(new NpgsqlParameter<string>("type", snapshot.SnapshotType));
                command.Parameters.Add(new NpgsqlParameter<long>("version", snapshot.Version));
                command.Parameters.Add(new NpgsqlParameter<int>("schema", snapshot.SchemaVersion));
                command.Parameters.Add(new NpgsqlParameter<string>("data", snapshot.Data));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
