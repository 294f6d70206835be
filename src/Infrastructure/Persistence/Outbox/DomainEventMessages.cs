using Microsoft.Extensions.Options;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Persistence.Outbox;

/// <summary>
/// Turns an aggregate's domain events into outbox messages: one per event, its id as the message id
/// (so a retried save cannot publish twice), partitioned by aggregate so consumers see its events in order.
/// </summary>
public sealed class DomainEventMessages(IEventSerializer serializer, ICorrelationContext correlation, IOptions<PersistenceOptions> options)
{
    public IReadOnlyList<OutboxMessage> Create(string aggregateId, string aggregateType, IReadOnlyList<DomainEvent> events) =>
        events.Select(domainEvent =>
        {
            var serialized = serializer.Serialize(domainEvent);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["aggregate-id"] = aggregateId,
                ["aggregate-type"] = aggregateType,
                ["event-type"] = serialized.EventType,
                ["schema-version"] = serialized.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["correlation-id"] = correlation.CorrelationId,
            };
            if (correlation.CausationId is { } causation)
            {
                headers["causation-id"] = causation;
            }

            return new OutboxMessage(domainEvent.EventId, options.Value.EventsDestination, aggregateId, serialized.EventType, serialized.Json, headers);
        }).ToArray();
}
