using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reference.SharedKernel.Application;

/// <summary>
/// Lets a successful <see cref="Result{T}"/> travel as JSON (<c>{"value": ...}</c>), so caches that store
/// values serialized, in memory or out of process, can keep query results. Failures are never cached
/// or sent anywhere as results, so writing one is refused rather than given a shape nobody reads.
/// </summary>
public sealed class SuccessfulResultJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Result<>);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var converter = typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private sealed class Converter<T> : JsonConverter<Result<T>>
    {
        private const string ValueProperty = "value";

        public override Result<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(ValueProperty, out var value))
            {
                throw new JsonException($"A serialized result is an object with a '{ValueProperty}' property.");
            }

            return Result<T>.Success(value.Deserialize<T>(options)!);
        }

        public override void Write(Utf8JsonWriter writer, Result<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsSuccess)
            {
                throw new JsonException($"A failed result ('{value.Error!.Code}') is not serialized; only successful results are.");
            }

            writer.WriteStartObject();
            writer.WritePropertyName(ValueProperty);
            JsonSerializer.Serialize(writer, value.Value, options);
            writer.WriteEndObject();
        }
    }
}
