using System.Net.Http.Json;
using Npgsql;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>Sends creating requests with an <c>Idempotency-Key</c> and looks at what the database kept.</summary>
public static class IdempotencyApi
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        foreach (var key in keys)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        return client.SendAsync(request);
    }

    public static bool IsReplayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReplayedHeader, out var values) && values.SingleOrDefault() == "true";

    /// <summary>How many rows of <paramref name="table"/> match <paramref name="where"/> (parameters @p0, @p1, ...).</summary>
    public static async Task<long> CountAsync(string connectionString, string table, string where = "true", params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", values[i]);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
