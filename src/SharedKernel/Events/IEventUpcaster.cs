using System.Text.Json.Nodes;

namespace Reference.SharedKernel.Events;

/// <summary>
/// Turns the JSON of one event type at <see cref="FromSchemaVersion"/> into the next version's shape.
/// A pure function over the JSON: no services, no I/O. Chains run until the current version.
/// </summary>
public interface IEventUpcaster
{
    string EventType { get; }

    int FromSchemaVersion { get; }

    JsonObject Upcast(JsonObject data);
}
