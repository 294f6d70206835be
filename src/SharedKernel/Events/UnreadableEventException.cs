namespace Reference.SharedKernel.Events;

/// <summary>
/// A stored event of a registered type that this version cannot turn back into its domain event: it was written at
/// a newer schema version (by a newer deployment, during a rolling upgrade), an upcaster failed or is missing, or
/// the stored payload or metadata is damaged. Stream reads raise it (an aggregate cannot be loaded without all of its
/// events); reads of the global log hand the event over as an <see cref="UnreadableEvent"/> instead.
/// </summary>
public class UnreadableEventException(string eventType, int schemaVersion, string message, Exception? inner = null, Type? dataType = null)
    : Exception(message, inner)
{
    public string EventType { get; } = eventType;

    /// <summary>The schema version the event is stored at.</summary>
    public int SchemaVersion { get; } = schemaVersion;

    /// <summary>The type <see cref="EventType"/> is registered as, when the reader knows it: who would have handled the event.</summary>
    public Type? DataType { get; } = dataType;
}
