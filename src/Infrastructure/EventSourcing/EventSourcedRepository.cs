using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.EventSourcing;

/// <summary>
/// <see cref="IEventSourcedRepository{TAggregate,TId}"/> over any <see cref="IEventStore"/>: one
/// stream per aggregate, named <c>{Type}-{id}</c>. Loading replays the stream into an aggregate
/// created through its private parameterless constructor; saving appends the pending events at
/// exactly the version the aggregate was loaded at, so a concurrent writer makes it fail with
/// <see cref="ConcurrencyConflictException"/> instead of interleaving.
/// </summary>
public sealed class EventSourcedRepository<TAggregate>(IEventStore eventStore) : IEventSourcedRepository<TAggregate, Guid>
    where TAggregate : EventSourcedAggregate<Guid>
{
    public static readonly string StreamType = typeof(TAggregate).Name;

    public static string StreamId(Guid id) => $"{StreamType}-{id:N}";

    public async Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var history = new List<DomainEvent>();
        await foreach (var stored in eventStore.ReadStreamAsync(StreamId(id), cancellationToken: cancellationToken))
        {
            history.Add(stored.Data);
        }

        if (history.Count == 0)
        {
            return null;
        }

        var aggregate = (TAggregate)Activator.CreateInstance(typeof(TAggregate), nonPublic: true)!;
        aggregate.Rehydrate(history);
        return aggregate;
    }

    public async Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.PendingEvents.Count == 0)
        {
            return;
        }

        var result = await eventStore.AppendAsync(
            StreamId(aggregate.Id),
            StreamType,
            ExpectedVersion.Exact(aggregate.Version),
            [.. aggregate.PendingEvents],
            cancellationToken);
        aggregate.MarkPersisted(result.NextExpectedVersion);
    }
}
