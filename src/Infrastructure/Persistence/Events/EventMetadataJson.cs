using System.Text.Json;
using System.Text.Json.Serialization;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>The stored JSON form of <see cref="EventMetadata"/>, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;

internal static class EventMetadataJson
{
    public static string Serialize(EventMetadata metadata) =>
        JsonSerializer.Serialize(metadata, PersistenceJsonContext.Default.EventMetadata);

    public static EventMetadata Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.EventMetadata)
        ?? new EventMetadata(null, null, null, null);

    public static string SerializeHeaders(IReadOnlyDictionary<string, string> headers) =>
        JsonSerializer.Serialize(headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal), PersistenceJsonContext.Default.DictionaryStringString);

    public static IReadOnlyDictionary<string, string> DeserializeHeaders(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.DictionaryStringString) ?? [];
}
