using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>An event as the store holds it: the domain event plus where, when and by whom it was written.</summary>
public sealed record StoredEvent(
    LogPosition LogPosition,
    string TenantId,
    string StreamId,
    string StreamType,
    long StreamVersion,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    DomainEvent Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);
