using System.Runtime.CompilerServices;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Events;

/// <summary>
/// <see cref="IEventSourcedRepository{TAggregate,TId}"/> over any <see cref="IEventStore"/> and
/// <see cref="ISnapshotStore"/>. Streams are named by <see cref="StreamNames"/>. Loading starts from the latest snapshot of the current schema version (if
/// snapshots are configured) and applies the events after it; saving appends the pending events at the
/// version the aggregate was loaded at, so a concurrent save surfaces as <see cref="ConcurrencyConflictException"/>.
/// After a save it asks the <see cref="ISnapshotStrategy"/>; a snapshot of another schema version found at load is
/// ignored and rewritten by the next save, whatever the strategy, so a changed aggregate shape heals itself.
/// </summary>
public sealed class EventSourcedRepository<TAggregate, TId> : IEventSourcedRepository<TAggregate, TId>, IAggregateSnapshots<TAggregate, TId>
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull
{
    private static readonly string StreamType = StreamNames.TypeOf<TAggregate>();

    private readonly IEventStore _eventStore;
    private readonly Func<TId, TAggregate> _create;
    private readonly SnapshotSupport? _snapshots;

    // What each aggregate this repository loaded was loaded from, for the snapshot decision at its save.
    private readonly ConditionalWeakTable<TAggregate, LoadedFrom> _loaded = [];

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
        var (aggregate, snapshotVersion, staleSnapshot) = await RestoreSnapshotAsync(streamId, cancellationToken);

        var tail = new List<DomainEvent>();
        DateTimeOffset? oldest = null;
        await foreach (var stored in _eventStore.ReadStreamAsync(streamId, StreamDirection.Forward, snapshotVersion + 1, cancellationToken: cancellationToken))
        {
            oldest ??= stored.RecordedAt;
            tail.Add(stored.Data);
        }

        if (aggregate is null && tail.Count == 0)
        {
            return null;
        }

        aggregate ??= _create(id);
        aggregate.Rehydrate(tail, snapshotVersion);
        _loaded.AddOrUpdate(aggregate, new LoadedFrom(snapshotVersion, oldest, staleSnapshot));
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

        if (_snapshots is { } snapshots)
        {
            var loaded = _loaded.TryGetValue(aggregate, out var from) ? from : LoadedFrom.Nothing;
            if (loaded.StaleSnapshot
                || snapshots.Strategy.ShouldTakeSnapshot(new SnapshotContext(aggregate, previousVersion, loaded.SnapshotVersion, loaded.OldestEventAt)))
            {
                await TakeAsync(snapshots, streamId, aggregate, cancellationToken);
            }
        }
    }

    public async Task<long?> TakeSnapshotAsync(TId id, CancellationToken cancellationToken = default)
    {
        if (_snapshots is not { } snapshots || await LoadAsync(id, cancellationToken) is not { } aggregate)
        {
            return null;
        }

        await TakeAsync(snapshots, StreamIdOf(id), aggregate, cancellationToken);
        return aggregate.Version;
    }

    private async Task TakeAsync(SnapshotSupport snapshots, string streamId, TAggregate aggregate, CancellationToken cancellationToken)
    {
        var snapshotter = snapshots.Snapshotter;
        await snapshots.Store.SaveAsync(
            new Snapshot(streamId, snapshotter.SnapshotType, aggregate.Version, snapshotter.SchemaVersion, snapshotter.Take(aggregate)),
            cancellationToken);
        _loaded.AddOrUpdate(aggregate, new LoadedFrom(aggregate.Version, null, StaleSnapshot: false));
    }

    private static string StreamIdOf(TId id) => StreamNames.IdOf(id);

    private async Task<(TAggregate? Aggregate, long Version, bool Stale)> RestoreSnapshotAsync(string streamId, CancellationToken cancellationToken)
    {
        if (_snapshots is not { } snapshots)
        {
            return (null, 0, false);
        }

        var snapshot = await snapshots.Store.GetLatestAsync(streamId, snapshots.Snapshotter.SnapshotType, cancellationToken);
        if (snapshot is null)
        {
            return (null, 0, false);
        }

        // A snapshot of another schema version describes a state shape this code no longer has: replay, and rewrite it.
        return snapshot.SchemaVersion == snapshots.Snapshotter.SchemaVersion
            ? (snapshots.Snapshotter.Restore(snapshot.Data), snapshot.Version, false)
            : (null, 0, true);
    }

    private sealed record LoadedFrom(long SnapshotVersion, DateTimeOffset? OldestEventAt, bool StaleSnapshot)
    {
        public static readonly LoadedFrom Nothing = new(0, null, false);
    }

    private sealed record SnapshotSupport(ISnapshotStore Store, IAggregateSnapshotter<TAggregate> Snapshotter, ISnapshotStrategy Strategy);
}
