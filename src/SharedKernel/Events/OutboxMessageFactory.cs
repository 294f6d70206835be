using System.Globalization;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Events;

/// <summary>
/// Turns a domain event into the outbox message that announces it: the message id is the event id
/// (so redelivery is recognisable downstream), the destination is the aggregate type, and messages of
/// one aggregate share a partition so they go out in order.
/// </summary>
public sealed class OutboxMessageFactory(IEventSerializer serializer, ICorrelationContext correlation)
{
    public OutboxMessage Create(string streamType, string streamId, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var serialized = serializer.Serialize(domainEvent);
        var headers = new Dictionary<string, string>
        {
            [MessageHeaders.CorrelationId] = correlation.CorrelationId,
            [MessageHeaders.SchemaVersion] = serialized.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (correlation.CausationId is { } causationId)
        {
            headers[MessageHeaders.CausationId] = causationId;
        }

        return new OutboxMessage(domainEvent.EventId, streamType, $"{streamType}/{streamId}", serialized.EventType, serialized.Json, headers);
    }
}
