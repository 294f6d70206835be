namespace Reference.SharedKernel.Events;

/// <summary>
/// Facts about an event that are not part of the domain: stamped by infrastructure from the
/// ambient context when the event is appended.
/// </summary>
public sealed record EventMetadata(
    string? CorrelationId,
    string? CausationId,
    string? UserId,
    string? TraceId);
