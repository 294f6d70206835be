using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.EventSourcing;

/// <summary>
/// The repository of every event-sourced aggregate a slice declares with an <see cref="EventSourcedAggregateDefinition{TAggregate,TId}"/>:
/// loads and saves through the event store (from snapshots when the definition has a snapshotter), and announces the
/// new events through the outbox in the same unit of work as the append, exactly as the state-stored repository does:
/// one message per event, stamped with the correlation and causation ids, partitioned by stream so they go out in order.
/// It also takes snapshots on demand (<see cref="IAggregateSnapshots{TAggregate,TId}"/>).
/// </summary>
public sealed class OutboxPublishingRepository<TAggregate, TId>(
    EventSourcedAggregateDefinition<TAggregate, TId> definition,
    IEventStore eventStore,
    ISnapshotStore snapshotStore,
    IOutbox outbox,
    OutboxMessageFactory messages)
    : IEventSourcedRepository<TAggregate, TId>, IAggregateSnapshots<TAggregate, TId>
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull
{
    private static readonly string StreamType = StreamNames.TypeOf<TAggregate>();

    private readonly EventSourcedRepository<TAggregate, TId> _inner = definition.Snapshotter is { } snapshotter
        ? new EventSourcedRepository<TAggregate, TId>(eventStore, definition.ForReplay, snapshotStore, snapshotter, definition.Snapshots)
        : new EventSourcedRepository<TAggregate, TId>(eventStore, definition.ForReplay);

    public Task<TAggregate?> LoadAsync(TId id, CancellationToken cancellationToken = default) => _inner.LoadAsync(id, cancellationToken);

    public Task<long?> TakeSnapshotAsync(TId id, CancellationToken cancellationToken = default) => _inner.TakeSnapshotAsync(id, cancellationToken);

    public async Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var pending = aggregate.PendingEvents.ToArray();
        await _inner.SaveAsync(aggregate, cancellationToken);
        if (pending.Length > 0)
        {
            var streamId = StreamNames.IdOf(aggregate.Id);
            await outbox.EnqueueAsync([.. pending.Select(e => messages.Create(StreamType, streamId, e))], cancellationToken);
        }
    }
}
