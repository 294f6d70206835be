namespace Reference.SharedKernel.Events;

/// <summary>
/// An event in the global log whose type this process does not know, typically written by a newer
/// deployment during a rolling upgrade. It is handed over as stored (payload undeserialized) so a
/// reader of the whole log can step over it knowingly instead of stalling on it.
/// </summary>
public sealed record UnrecognizedEvent(
    LogPosition LogPosition,
    string TenantId,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    string Json,
    DateTimeOffset RecordedAt);
