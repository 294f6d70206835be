using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text for ASP.NET Core's and the application's meters, anonymous from loopback (the
/// default of <c>Observability:Prometheus:AllowedNetworks</c>), otherwise a token holding <c>platform.metrics.read</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ReferenceApiFactory app)
{
    // TEST-NET-3 (RFC 5737): an address no one has, set as the connection's address; nothing is sent to it.
    private static readonly IPAddress Outsider = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task Loopback_scrapes_prometheus_text_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);

        var scrape = await Scrape.MetricsUntilAsync(app, IPAddress.Loopback, body =>
            Scrape.Lines(body, "http_server_request_duration_seconds_count").Any(line => line.Contains("http_route=\"/api/audit\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        Assert.StartsWith("text/plain", scrape.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape.Body, StringComparison.Ordinal);
        Assert.Contains(
            Scrape.Lines(scrape.Body, "http_server_request_duration_seconds_count"),
            line => line.Contains("http_route=\"/api/audit\"", StringComparison.Ordinal) && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.Contains(
            Scrape.Lines(scrape.Body, "reference_mediator_message_duration_seconds_count"),
            line => line.Contains("reference_message_name=\"AuditLog.ReadAuditLog\"", StringComparison.Ordinal)
                && line.Contains("reference_message_kind=\"query\"", StringComparison.Ordinal)
                && line.Contains("reference_message_outcome=\"succeeded\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IPv6_loopback_scrapes_too()
    {
        Assert.Equal(HttpStatusCode.OK, (await Scrape.MetricsAsync(app, IPAddress.IPv6Loopback)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Scrape.MetricsAsync(app, IPAddress.Loopback.MapToIPv6())).Status);
    }

    [Fact]
    public async Task A_caller_outside_the_allowed_networks_needs_a_token()
    {
        var anonymous = await Scrape.MetricsAsync(app, Outsider);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Contains("https://reference.example/problems/unauthenticated", anonymous.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server_request_duration", anonymous.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_connection_address_is_not_trusted_as_loopback()
    {
        // TestServer's own HttpClient sets no remote address: it must not pass for a local scraper.
        var response = await app.Anonymous().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tenant_admin_is_refused_because_metrics_span_tenants()
    {
        var admin = await Scrape.MetricsAsync(app, Outsider, TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"]));

        Assert.Equal(HttpStatusCode.Forbidden, admin.Status);
        Assert.Contains("https://reference.example/problems/forbidden", admin.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_permission_lets_a_remote_caller_scrape()
    {
        var token = TestTokens.Create("prometheus", tenantId: null, roles: [], permissions: ["platform.metrics.read"]);

        var scrape = await Scrape.MetricsAsync(app, Outsider, token);

        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        Assert.Contains("# TYPE", scrape.Body, StringComparison.Ordinal);
    }
}
