using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// Turns an aggregate's state into snapshot data and back. <see cref="SchemaVersion"/> is raised
/// whenever the shape of that data changes; snapshots of any other version are ignored and the
/// aggregate is rebuilt from its events instead (and snapshotted again on a later save).
/// </summary>
public interface IAggregateSnapshotter<TAggregate>
    where TAggregate : IAggregateRoot
{
    string SnapshotType { get; }

    int SchemaVersion { get; }

    string Take(TAggregate aggregate);

    /// <summary>An aggregate in the state the snapshot recorded; the repository sets its version.</summary>
    TAggregate Restore(string data);
}
