using System.Text.Json;
using System.Text.Json.Nodes;
using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>
/// <see cref="IEventSerializer"/> on System.Text.Json, with logical type names from the registry
/// and upcaster chains keyed by (type, schema version).
/// </summary>
public sealed class JsonEventSerializer : IEventSerializer
{
    public static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    private readonly IEventTypeRegistry _registry;
    private readonly JsonSerializerOptions _options;
    private readonly Dictionary<(string Type, int From), IEventUpcaster> _upcasters;

    public JsonEventSerializer(IEventTypeRegistry registry, IEnumerable<IEventUpcaster>? upcasters = null, JsonSerializerOptions? options = null)
    {
        _registry = registry;
        _options = options ?? DefaultOptions;
        _upcasters = new();
        foreach (var upcaster in upcasters ?? [])
        {
            if (!_upcasters.TryAdd((upcaster.EventType, upcaster.FromSchemaVersion), upcaster))
            {
                throw new InvalidOperationException(
                    $"Two upcasters are registered for '{upcaster.EventType}' schema version {upcaster.FromSchemaVersion}.");
            }
        }
    }

    public SerializedEvent Serialize(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var info = _registry.Get(domainEvent.GetType());
        try
        {
            var json = JsonSerializer.Serialize(domainEvent, info.ClrType, _options);
            return new SerializedEvent(info.Name, info.SchemaVersion, json);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new InvalidAppendException(
                InvalidAppendException.Codes.NotSerializable,
                $"Event '{info.Name}' cannot be serialized: {ex.Message}");
        }
    }

    public DomainEvent Deserialize(string eventType, int schemaVersion, string json)
    {
        var info = _registry.Get(eventType);
        if (schemaVersion > info.SchemaVersion)
        {
            // Read with today's type, a newer shape would silently lose or misread what the newer version added.
            throw new UnreadableEventException(
                eventType,
                schemaVersion,
                $"Event '{eventType}' is stored at schema version {schemaVersion}; this version reads up to {info.SchemaVersion} " +
                "(it was written by a newer deployment).",
                dataType: info.ClrType);
        }

        try
        {
            if (schemaVersion < info.SchemaVersion)
            {
                json = Upcast(info, schemaVersion, json);
            }

            return (DomainEvent)(JsonSerializer.Deserialize(json, info.ClrType, _options)
                ?? throw new JsonException("The payload is null."));
        }
        catch (Exception ex) when (ex is not UnreadableEventException and not OutOfMemoryException)
        {
            // JSON errors, but also whatever a converter or the event's constructor throws on a damaged payload.
            throw new UnreadableEventException(
                eventType, schemaVersion, $"Event '{eventType}' (schema version {schemaVersion}) cannot be deserialized: {ex.Message}", ex, info.ClrType);
        }
    }

    public bool Recognizes(string eventType) => _registry.TryGet(eventType, out _);

    private string Upcast(EventTypeInfo info, int schemaVersion, string json)
    {
        var node = JsonNode.Parse(json) as JsonObject
            ?? throw new JsonException($"Event '{info.Name}' is not a JSON object.");
        for (var version = schemaVersion; version < info.SchemaVersion; version++)
        {
            if (!_upcasters.TryGetValue((info.Name, version), out var upcaster))
            {
                throw new EventUpcastException(
                    info.Name,
                    version,
                    new InvalidOperationException($"No upcaster is registered from schema version {version}."),
                    info.ClrType);
            }

            try
            {
                node = upcaster.Upcast(node);
            }
            catch (Exception ex)
            {
                throw new EventUpcastException(info.Name, version, ex, info.ClrType);
            }
        }

        return node.ToJsonString(_options);
    }
}
