using System.Globalization;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.EventSourcing;

/// <summary>
/// Announces an event-sourced aggregate's new events through the outbox, in the same unit of work
/// as the append, exactly as the state-stored repository does for its aggregates: one message per
/// event, stamped with the correlation and causation ids, partitioned by stream so they go out in order.
/// </summary>
public sealed class OutboxPublishingRepository<TAggregate>(
    IEventSourcedRepository<TAggregate, Guid> inner,
    IOutbox outbox,
    OutboxMessageFactory messages)
    : IEventSourcedRepository<TAggregate, Guid>
    where TAggregate : EventSourcedAggregate<Guid>
{
    private static readonly string StreamType = typeof(TAggregate).Name;

    public Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

    public async Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var pending = aggregate.PendingEvents.ToArray();
        await inner.SaveAsync(aggregate, cancellationToken);
        if (pending.Length > 0)
        {
            var streamId = aggregate.Id.ToString("D", CultureInfo.InvariantCulture);
            await outbox.EnqueueAsync([.. pending.Select(e => messages.Create(StreamType, streamId, e))], cancellationToken);
        }
    }
}
