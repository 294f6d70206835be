using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>
/// Sends <c>GET /metrics</c> to the in-process server as if from <paramref name="remote"/>: TestServer has no socket, so
/// the connection's address is whatever the test sets (null when it sets none, as with its HttpClient).
/// </summary>
public static class Scrape
{
    public sealed record Response(HttpStatusCode Status, string ContentType, string Body);

    public static async Task<Response> MetricsAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, IPAddress? remote, string? bearer = null, string path = "/metrics")
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = remote;
            if (bearer is not null)
            {
                http.Request.Headers.Authorization = $"Bearer {bearer}";
            }
        });

        using var reader = new StreamReader(context.Response.Body);
        return new Response((HttpStatusCode)context.Response.StatusCode, context.Response.ContentType ?? "", await reader.ReadToEndAsync());
    }

    /// <summary>The sample lines of <paramref name="metric"/> (its name, then labels or a space), comments left out.</summary>
    public static IReadOnlyList<string> Lines(string body, string metric) =>
        [.. body.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))];
}
