using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>An append that passed every input rule: serialized, stamped and ready to write.</summary>
public sealed record PreparedAppend(
    string TenantId,
    string StreamId,
    string StreamType,
    ExpectedVersion Expected,
    IReadOnlyList<PreparedEvent> Events,
    string MetadataJson,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);

/// <summary>One serialized event of a <see cref="PreparedAppend"/>.</summary>
public sealed record PreparedEvent(Guid EventId, string EventType, int SchemaVersion, string Json);
