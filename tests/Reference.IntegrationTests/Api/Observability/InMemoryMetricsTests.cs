using System.Net;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>What the OpenTelemetry SDK exports (here to its in-memory exporter; in production to Prometheus and OTLP).</summary>
public sealed class InMemoryMetricsTests(MeteredApiFactory app) : IClassFixture<MeteredApiFactory>
{
    [Fact]
    public async Task Http_requests_are_measured_in_seconds_under_the_semantic_convention_name()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);

        var points = app.Points("http.server.request.duration");

        var audit = points.First(p => p.Tags.GetValueOrDefault("http.route") == "/api/audit" && p.Tags.GetValueOrDefault("http.response.status_code") == "200");
        Assert.Equal("s", audit.Unit);
        Assert.Equal("GET", audit.Tags["http.request.method"]);
        Assert.True(audit.Count >= 1);
    }

    [Fact]
    public async Task Each_query_is_measured_with_its_name_kind_and_outcome()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin().GetAsync(new Uri("/api/audit?filter=nosuchfield%20eq%201", UriKind.Relative))).StatusCode);

        var points = app.Points("reference.mediator.message.duration");

        var succeeded = points.First(p => p.Tags["reference.message.name"] == "AuditLog.ReadAuditLog" && p.Tags["reference.message.outcome"] == "succeeded");
        Assert.Equal("query", succeeded.Tags["reference.message.kind"]);
        Assert.Equal("s", succeeded.Unit);
        Assert.True(succeeded.Count >= 1);
        Assert.Contains(points, p => p.Tags["reference.message.name"] == "AuditLog.ReadAuditLog" && p.Tags["reference.message.outcome"] == "rejected");
    }
}
