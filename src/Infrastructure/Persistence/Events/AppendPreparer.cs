using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// Applies every input rule before anything touches the database (stream id, stream type, tenant,
/// expected version, duplicate ids, serializability, payload size) and stamps the metadata from
/// the ambient context. Both providers share it, so they reject exactly the same input.
/// </summary>
public sealed class AppendPreparer(
    IEventSerializer serializer,
    ITenantContext tenantContext,
    ICorrelationContext correlationContext,
    ICurrentUser currentUser,
    TimeProvider timeProvider,
    IOptions<PersistenceOptions> options)
{
    public PreparedAppend Prepare(string streamId, string streamType, ExpectedVersion expected, IReadOnlyList<DomainEvent> events)
    {
        StreamIdRules.Validate(streamId, streamType);
        var tenantId = tenantContext.RequireTenantId();
        if (!(expected.IsAny || expected.IsStreamExists || expected.IsExact))
        {
            throw new InvalidAppendException(InvalidAppendException.Codes.ExpectedVersion, $"Expected version {expected.Value} is not a valid state.");
        }

        if (events is null || events.Count == 0)
        {
            throw new InvalidAppendException(InvalidAppendException.Codes.NoEvents, "An append needs at least one event.");
        }

        var maxBytes = options.Value.MaxEventPayloadBytes;
        var seen = new HashSet<Guid>();
        var prepared = new PreparedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var domainEvent = events[i] ?? throw new InvalidAppendException(InvalidAppendException.Codes.NoEvents, "An append cannot contain a null event.");
            if (!seen.Add(domainEvent.EventId))
            {
                throw new InvalidAppendException(InvalidAppendException.Codes.DuplicateEvent, $"Event id {domainEvent.EventId} appears twice in one append.");
            }

            var serialized = serializer.Serialize(domainEvent);
            var size = Encoding.UTF8.GetByteCount(serialized.Json);
            if (size > maxBytes)
            {
                throw new InvalidAppendException(
                    InvalidAppendException.Codes.PayloadTooLarge,
                    $"Event '{serialized.EventType}' is {size} bytes; the limit is {maxBytes}.");
            }

            prepared[i] = new PreparedEvent(domainEvent.EventId, serialized.EventType, serialized.SchemaVersion, serialized.Json);
        }

        var principal = currentUser.Principal;
        var metadata = new EventMetadata(
            correlationContext.CorrelationId,
            correlationContext.CausationId,
            principal.IsAuthenticated ? principal.UserId : null,
            Activity.Current?.TraceId.ToString());

        return new PreparedAppend(
            tenantId,
            streamId,
            streamType,
            expected,
            prepared,
            EventMetadataJson.Serialize(metadata),
            metadata,
            timeProvider.GetUtcNow());
    }
}
