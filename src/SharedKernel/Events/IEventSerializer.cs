using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>Converts domain events to and from their stored JSON form.</summary>
public interface IEventSerializer
{
    /// <summary>Serializes an event; <see cref="InvalidAppendException"/> if it cannot be.</summary>
    SerializedEvent Serialize(DomainEvent domainEvent);

    /// <summary>
    /// Deserializes a stored event, upcasting older schema versions first. Unknown names raise
    /// <see cref="UnknownEventTypeException"/>; an event this version cannot read raises
    /// <see cref="UnreadableEventException"/>: a newer schema version than the registered one, a damaged payload, or
    /// (as its subtype <see cref="EventUpcastException"/>) a failing or missing upcaster.
    /// </summary>
    DomainEvent Deserialize(string eventType, int schemaVersion, string json);

    /// <summary>True when <paramref name="eventType"/> names a registered type, so <see cref="Deserialize"/> can read it.</summary>
    bool Recognizes(string eventType);
}
