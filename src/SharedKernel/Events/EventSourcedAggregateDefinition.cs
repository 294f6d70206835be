using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// A slice's statement that <typeparamref name="TAggregate"/> is event-sourced: how to create an empty one to replay
/// onto and, optionally, how and when to snapshot it. A slice module registers it as a singleton; the persistence
/// layer's <see cref="IEventSourcedRepository{TAggregate,TId}"/> reads it, so the slice never builds a repository.
/// </summary>
public sealed record EventSourcedAggregateDefinition<TAggregate, TId>(
    Func<TId, TAggregate> ForReplay,
    IAggregateSnapshotter<TAggregate>? Snapshotter = null,
    ISnapshotStrategy? Snapshots = null)
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull;
