using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// Snapshots on demand, whatever the aggregate's strategy says: an operator before a migration, a job after a bulk
/// import. Served for every event-sourced aggregate whose definition has a snapshotter.
/// </summary>
public interface IAggregateSnapshots<TAggregate, in TId>
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull
{
    /// <summary>
    /// Loads the aggregate and stores a snapshot of it at its current version, in the current schema version. Returns
    /// that version, or null when there is no such aggregate (or its definition has no snapshotter: nothing is stored).
    /// </summary>
    Task<long?> TakeSnapshotAsync(TId id, CancellationToken cancellationToken = default);
}
