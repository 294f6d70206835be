using System.Text.Json;
using Reference.SharedKernel.Application;

namespace Reference.Infrastructure.Idempotency;

/// <summary>
/// A command's successful result as the idempotency store keeps it: <see cref="Result{T}"/> as JSON
/// (<c>{"value": ...}</c>), a bare <see cref="Result"/> as nothing. The endpoint turns a replayed result into the same
/// status, headers and body as the first time, because it builds them from the result alone.
/// </summary>
internal static class StoredResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Write<TResponse>(TResponse response) =>
        typeof(TResponse) == typeof(Result) ? "{}" : JsonSerializer.Serialize(response, Json);

    public static TResponse Read<TResponse>(string? stored)
    {
        if (typeof(TResponse) == typeof(Result))
        {
            return (TResponse)(object)Result.Success();
        }

        return JsonSerializer.Deserialize<TResponse>(stored ?? throw new InvalidOperationException("A completed idempotency key has no stored result."), Json)
            ?? throw new InvalidOperationException("A completed idempotency key stored an empty result.");
    }
}
