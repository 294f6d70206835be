using System.Collections.Immutable;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="ISnapshotStore"/> in memory: the latest snapshot per tenant, stream and snapshot type.
/// A snapshot older than the one stored is ignored, so a slow writer cannot roll a snapshot back.
/// </summary>
public sealed class InMemorySnapshotStore(InMemoryDatabase database, ITenantContext tenants) : ISnapshotStore
{
    private static readonly InMemoryTable<ImmutableDictionary<SnapshotKey, Snapshot>> Snapshots =
        new("snapshots", ImmutableDictionary<SnapshotKey, Snapshot>.Empty);

    public Task<Snapshot?> GetLatestAsync(string streamId, string snapshotType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotType);
        var key = new SnapshotKey(tenants.RequireTenantId(), streamId, snapshotType);
        return Task.FromResult(database.Read(Snapshots).GetValueOrDefault(key));
    }

    public Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.StreamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.SnapshotType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapshot.Version);
        var key = new SnapshotKey(tenants.RequireTenantId(), snapshot.StreamId, snapshot.SnapshotType);
        return database.WriteAsync(
            transaction =>
            {
                var snapshots = transaction.Get(Snapshots);
                if (snapshots.TryGetValue(key, out var stored) && stored.Version > snapshot.Version)
                {
                    return false;
                }

                transaction.Set(Snapshots, snapshots.SetItem(key, snapshot));
                return true;
            },
            cancellationToken);
    }

    private readonly record struct SnapshotKey(string TenantId, string StreamId, string SnapshotType);
}
