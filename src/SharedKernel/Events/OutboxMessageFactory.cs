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
    public const string CorrelationIdHeader = "correlation-id";
    public const string CausationIdHeader = "causation-id";
    public const string SchemaVersionHeader = "schema-version";

    public OutboxMessage Create(string streamType, string streamId, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var serialized = serializer.Serialize(domainEvent);
        var headers = new Dictionary<string, string>
        {
            [CorrelationIdHeader] = correlation.CorrelationId,
            [SchemaVersionHeader] = serialized.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (correlation.CausationId is { } causationId)
        {
            headers[CausationIdHeader] = causationId;
        }

        return new OutboxMessage(domainEvent.EventId, streamType, $"{streamType}/{streamId}", serialized.EventType, serialized.Json, headers);
    }
}
