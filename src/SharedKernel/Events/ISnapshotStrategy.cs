namespace Reference.SharedKernel.Events;

/// <summary>
/// Decides, after a save, whether the repository stores a snapshot of the aggregate. Strategies: never (the default),
/// <see cref="SnapshotEveryNEvents"/>, <see cref="SnapshotByAge"/>, or any of several (<see cref="SnapshotWhenAny"/>).
/// Whatever the strategy, a save of an aggregate loaded past a snapshot of another schema version rewrites it, and
/// <see cref="IAggregateSnapshots{TAggregate,TId}"/> takes one on demand.
/// </summary>
public interface ISnapshotStrategy
{
    bool ShouldTakeSnapshot(SnapshotContext context);
}
