using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>
/// What the app logs with its shipped <c>Logging</c> configuration: one entry per HTTP request with its final
/// status, and no per-statement SQL (the projection and outbox pollers run SQL all the time, even when idle).
/// </summary>
public sealed class RequestLoggingTests(RequestLoggingTests.LoggedApiFactory app) : IClassFixture<RequestLoggingTests.LoggedApiFactory>
{
    private const string HttpLogCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";
    private const string SqlCommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    [Fact]
    public async Task Each_request_is_logged_once_with_its_method_path_and_final_status()
    {
        var requests = new (HttpClient Client, string Path, HttpStatusCode Status)[]
        {
            (app.Anonymous(), "/health/live", HttpStatusCode.OK),
            (app.Admin(), "/api/audit", HttpStatusCode.OK),
            (app.Anonymous(), "/api/audit", HttpStatusCode.Unauthorized),
            (app.Admin(), "/api/audit?pageSize=500", HttpStatusCode.BadRequest),
        };

        foreach (var (client, path, status) in requests)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(status, response.StatusCode);
        }

        // The entry is written once the response has completed, which can be just after the client has read it.
        var logged = await Eventually.ReturnsAsync(
            () => Task.FromResult(RequestLines().Where(line => line["Path"] is "/health/live" or "/api/audit").ToList()),
            lines => lines.Count >= requests.Length);

        Assert.Equal(requests.Length, logged.Count);
        Assert.All(logged, line => Assert.Equal("GET", line["Method"]));
        Assert.Single(logged, line => line["Path"] == "/health/live" && line["StatusCode"] == "200");
        Assert.Single(logged, line => line["Path"] == "/api/audit" && line["StatusCode"] == "200");
        Assert.Single(logged, line => line["Path"] == "/api/audit" && line["StatusCode"] == "401");
        Assert.Single(logged, line => line["Path"] == "/api/audit" && line["StatusCode"] == "400");
        Assert.All(logged, line => Assert.True(line.ContainsKey("Duration"), "The request log has no duration."));

        // Query strings are not logged: they carry filters, and filters carry personal data.
        Assert.DoesNotContain(logged, line => line.Values.Any(value => value.Contains("pageSize", StringComparison.Ordinal)));
    }

    /// <summary>The HTTP log entries, each as its <c>Name: value</c> lines (one entry per request, whatever its lines).</summary>
    private List<Dictionary<string, string>> RequestLines() =>
        [.. app.Log.Entries
            .Where(entry => entry.Category == HttpLogCategory)
            .Select(entry => entry.Message.Split('\n', StringSplitOptions.TrimEntries)
                .Select(line => line.Split(": ", 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal))];

    [Fact]
    public async Task Sql_statements_are_not_logged_below_warning()
    {
        // Start-up migrated the database and the pollers have been querying it since; this read runs SQL too.
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().GetAsync(new Uri("/api/audit/verify", UriKind.Relative))).StatusCode);

        var sqlLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(SqlCommandCategory);
        Assert.False(sqlLogger.IsEnabled(LogLevel.Information), "EF Core logs every SQL statement at Information.");
        Assert.True(sqlLogger.IsEnabled(LogLevel.Warning), "EF Core's warnings about commands must still be logged.");
        Assert.DoesNotContain(app.Log.Entries, entry => entry.Category == SqlCommandCategory && entry.Level < LogLevel.Warning);
    }

    /// <summary>The test application with a <see cref="RecordingLoggerProvider"/> beside its console logger.</summary>
    public sealed class LoggedApiFactory : ReferenceApiFactory
    {
        public RecordingLoggerProvider Log { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(Log);
    }
}
