using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Projections;

/// <summary>An event as a projection sees it: the domain event and the facts the log recorded about it.</summary>
public sealed record ProjectedEvent<TEvent>(
    TEvent Data,
    string TenantId,
    string StreamId,
    long StreamVersion,
    LogPosition Position,
    DateTimeOffset RecordedAt,
    EventMetadata Metadata)
    where TEvent : DomainEvent;
