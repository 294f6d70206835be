namespace Reference.SharedKernel.Events;

/// <summary>An upcaster failed (or is missing) while turning an old schema version of an event into the current one.</summary>
public sealed class EventUpcastException(string eventType, int fromSchemaVersion, Exception inner, Type? dataType = null)
    : UnreadableEventException(
        eventType, fromSchemaVersion, $"Upcasting '{eventType}' from schema version {fromSchemaVersion} failed: {inner.Message}", inner, dataType)
{
    public int FromSchemaVersion { get; } = fromSchemaVersion;
}
