using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Events;

/// <summary>
/// <see cref="IEventSourcedRepository{TAggregate,TId}"/> over any <see cref="IEventStore"/> and
/// <see cref="ISnapshotStore"/>. Streams are named by <see cref="StreamNames"/>. Loading starts from the latest snapshot of the current schema version (if
/// snapshots are configured) and applies the events after it; saving appends the pending events at the
/// version the aggregate was loaded at, so a concurrent save surfaces as <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class EventSourcedRepository<TAggregate, TId> : IEventSourcedRepository<TAggregate, TId>
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull
{
    private static readonly string StreamType = StreamNames.TypeOf<TAggregate>();

    private readonly IEventStore _eventStore;
    private readonly Func<TId, TAggregate> _create;
    private readonly SnapshotSupport? _snapshots;

    /// <summary>A repository that always replays the whole stream.</summary>
    /// <param name="create">Creates an empty aggregate to replay events onto.</param>
    public EventSourcedRepository(IEventStore eventStore, Func<TId, TAggregate> create)
    {
        ArgumentNullException.ThrowIfNull(eventStore);
        ArgumentNullException.ThrowIfNull(create);
        _eventStore = eventStore;
        _create = create;
    }

    /// <summary>A repository that loads from snapshots and takes them when <paramref name="strategy"/> says so.</summary>
    public EventSourcedRepository(
        IEventStore eventStore,
        Func<TId, TAggregate> create,
        ISnapshotStore snapshotStore,
        IAggregateSnapshotter<TAggregate> snapshotter,
        ISnapshotStrategy? strategy = null)
        : this(eventStore, create)
    {
        ArgumentNullException.ThrowIfNull(snapshotStore);
        ArgumentNullException.ThrowIfNull(snapshotter);
        _snapshots = new SnapshotSupport(snapshotStore, snapshotter, strategy ?? NeverSnapshot.Instance);
    }

    public async Task<TAggregate?> LoadAsync(TId id, CancellationToken cancellationToken = default)
    {
        var streamId = StreamIdOf(id);
        var (aggregate, snapshotVersion) = await RestoreSnapshotAsync(streamId, cancellationToken);

        var tail = new List<DomainEvent>();
        await foreach (var stored in _eventStore.ReadStreamAsync(streamId, StreamDirection.Forward, snapshotVersion + 1, cancellationToken: cancellationToken))
        {
            tail.Add(stored.Data);
        }

        if (aggregate is null && tail.Count == 0)
        {
            return null;
        }

        aggregate ??= _create(id);
        aggregate.Rehydrate(tail, snapshotVersion);
        return aggregate;
    }

    public async Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.PendingEvents.Count == 0)
        {
            return;
        }

        var streamId = StreamIdOf(aggregate.Id);
        var previousVersion = aggregate.Version;
        var result = await _eventStore.AppendAsync(
            streamId,
            StreamType,
            ExpectedVersion.Exact(previousVersion),
            [.. aggregate.PendingEvents],
            cancellationToken);
        aggregate.MarkPersisted(result.NextExpectedVersion);

        if (_snapshots is { } snapshots && snapshots.Strategy.ShouldTakeSnapshot(aggregate, previousVersion))
        {
            var snapshotter = snapshots.Snapshotter;
            await snapshots.Store.SaveAsync(
                new Snapshot(streamId, snapshotter.SnapshotType, aggregate.Version, snapshotter.SchemaVersion, snapshotter.Take(aggregate)),
                cancellationToken);
        }
    }

    private static string StreamIdOf(TId id) => StreamNames.IdOf(id);

    private async Task<(TAggregate? Aggregate, long Version)> RestoreSnapshotAsync(string streamId, CancellationToken cancellationToken)
    {
        if (_snapshots is not { } snapshots)
        {
            return (null, 0);
        }

        var snapshot = await snapshots.Store.GetLatestAsync(streamId, snapshots.Snapshotter.SnapshotType, cancellationToken);

        // A snapshot of another schema version describes a state shape this code no longer has: replay instead.
        return snapshot is not null && snapshot.SchemaVersion == snapshots.Snapshotter.SchemaVersion
            ? (snapshots.Snapshotter.Restore(snapshot.Data), snapshot.Version)
            : (null, 0);
    }

    private sealed record SnapshotSupport(ISnapshotStore Store, IAggregateSnapshotter<TAggregate> Snapshotter, ISnapshotStrategy Strategy);
}
