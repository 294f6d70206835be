using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// Applies every input rule before anything touches the database (the shared <see cref="AppendBatch"/>
/// rules: stream id and type, events, duplicates, serializability, payload size; then the tenant)
/// and stamps the metadata and time from the ambient context. Both providers use it, so they
/// reject exactly the same input as every other event store.
/// </summary>
public sealed class AppendPreparer(
    IEventSerializer serializer,
    EventStoreOptions options,
    EventMetadataFactory metadataFactory,
    ITenantContext tenantContext,
    TimeProvider timeProvider)
{
    public PreparedAppend Prepare(string streamId, string streamType, ExpectedVersion expected, IReadOnlyList<DomainEvent> events)
    {
        var batch = AppendBatch.Prepare(streamId, streamType, events, serializer, options);
        var tenantId = tenantContext.RequireTenantId();
        if (!(expected.IsAny || expected.IsStreamExists || expected.IsExact))
        {
            throw new InvalidAppendException(InvalidAppendException.Codes.ExpectedVersion, $"Expected version {expected.Value} is not a valid state.");
        }

        var metadata = metadataFactory.Create();
        return new PreparedAppend(
            tenantId,
            streamId,
            streamType,
            expected,
            batch.Events.Select(e => new PreparedEvent(e.EventId, e.Serialized.EventType, e.Serialized.SchemaVersion, e.Serialized.Json)).ToArray(),
            EventMetadataJson.Serialize(metadata),
            metadata,
            timeProvider.GetUtcNow());
    }
}
