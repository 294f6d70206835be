using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>Posts GraphQL requests and reads the answer, which is always 200 <c>{ data, errors }</c>.</summary>
public static class GraphQLClient
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> PostDocumentIdAsync(HttpClient client, string documentId)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { documentId });
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The codes of the answer's errors, in order.</summary>
    public static IReadOnlyList<string?> ErrorCodes(JsonElement answer) =>
        answer.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString())]
            : [];

    public static JsonElement Data(JsonElement answer, string field)
    {
        Assert.True(ErrorCodes(answer).Count == 0, $"Unexpected errors: {answer}");
        return answer.GetProperty("data").GetProperty(field);
    }
}
