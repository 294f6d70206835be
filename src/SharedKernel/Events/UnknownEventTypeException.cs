namespace Reference.SharedKernel.Events;

/// <summary>A stored event names a type this process does not know (or a CLR type was never registered).</summary>
public sealed class UnknownEventTypeException(string eventType)
    : Exception($"Event type '{eventType}' is not registered. Register it with the event type registry, or skip it explicitly.")
{
    public string EventType { get; } = eventType;
}
