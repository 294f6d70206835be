namespace Reference.SharedKernel.Events;

/// <summary>An upcaster failed while turning an old schema version of an event into the current one.</summary>
public sealed class EventUpcastException(string eventType, int fromSchemaVersion, Exception inner)
    : Exception($"Upcasting '{eventType}' from schema version {fromSchemaVersion} failed: {inner.Message}", inner)
{
    public string EventType { get; } = eventType;

    public int FromSchemaVersion { get; } = fromSchemaVersion;
}
