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

    /// <summary>
    /// Scrapes until <paramref name="shows"/> holds or 10 s pass: the HTTP server records a request's duration after the
    /// response reached the client, so the first scrape may come before the request it should show.
    /// </summary>
    public static async Task<Response> MetricsUntilAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, IPAddress? remote, Func<string, bool> shows)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(shows);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var scrape = await MetricsAsync(app, remote);
            if (shows(scrape.Body) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The sample lines of <paramref name="metric"/> (its name, then labels or a space), comments left out.</summary>
    public static IReadOnlyList<string> Lines(string body, string metric) =>
        [.. body.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))];
}
