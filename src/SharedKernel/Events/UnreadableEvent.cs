namespace Reference.SharedKernel.Events;

/// <summary>
/// An event in the global log whose type this process knows (as <see cref="DataType"/>, when the serializer could
/// say) but which it cannot read:
/// see <see cref="UnreadableEventException"/> for the causes, <see cref="Error"/> for this one's. It is handed over
/// undeserialized so a reader of the whole log can decide what to do (projections dead-letter it in live mode and
/// stop a rebuild on it) instead of every reader stalling on the same row.
/// </summary>
public sealed record UnreadableEvent(
    LogPosition LogPosition,
    string TenantId,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    Type? DataType,
    string Error,
    DateTimeOffset RecordedAt);
