namespace Reference.SharedKernel.Ports;

/// <summary>Snapshots of event-sourced aggregates, scoped to the ambient tenant.</summary>
public interface ISnapshotStore
{
    Task<Snapshot?> GetLatestAsync(string streamId, string snapshotType, CancellationToken cancellationToken = default);

    Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default);
}
