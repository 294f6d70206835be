using System.Net;
using Reference.IntegrationTests.Api.Observability;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.RateLimiting;

/// <summary>
/// <c>RateLimiting</c>: per resolved tenant, per principal, per client address for anonymous requests; a spent limit
/// is a 429 problem with <c>Retry-After</c>, counted in <c>reference.rate_limit.rejections</c>, and touches no other partition.
/// </summary>
public sealed class RateLimitingTests
{
    private const string Audit = "/api/audit";

    [Fact]
    public Task A_noisy_tenant_is_refused_while_another_tenant_is_served() =>
        WithAppAsync(new() { ["RateLimiting:PerTenant:PermitsPerMinute"] = "3" }, async app =>
        {
            // Two users of acme share its limit: the partition is the tenant, not the caller.
            var acme = new[] { app.Admin(ReferenceApiFactory.Acme), app.As("second-admin@acme", ReferenceApiFactory.Acme, "admin") };
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await acme[i % 2].GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);
            }

            var refused = await acme[1].GetAsync(new Uri(Audit, UriKind.Relative));

            await AssertRateLimitedAsync(refused);
            Assert.Equal(HttpStatusCode.OK, (await app.Admin(ReferenceApiFactory.Globex).GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.Admin(ReferenceApiFactory.Globex).GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);

            var scrape = await Scrape.MetricsAsync(app, IPAddress.Loopback);
            Assert.Contains(
                Scrape.Lines(scrape.Body, "reference_rate_limit_rejections_total"),
                line => line.Contains("reference_rate_limit_partition=\"tenant\"", StringComparison.Ordinal)
                    && line.Contains("reference_tenant=\"acme\"", StringComparison.Ordinal));
            Assert.DoesNotContain(
                Scrape.Lines(scrape.Body, "reference_rate_limit_rejections_total"),
                line => line.Contains("reference_tenant=\"globex\"", StringComparison.Ordinal));
        });

    [Fact]
    public Task The_tenant_header_does_not_pick_the_partition() =>
        WithAppAsync(new() { ["RateLimiting:PerTenant:PermitsPerMinute"] = "1" }, async app =>
        {
            var acme = app.Admin(ReferenceApiFactory.Acme);
            Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);

            // A header naming another tenant is refused before any limit is spent (the token wins), so it cannot dodge acme's limit.
            using var dodge = new HttpRequestMessage(HttpMethod.Get, Audit);
            dodge.Headers.Add("X-Tenant-ID", ReferenceApiFactory.Globex);
            Assert.Equal(HttpStatusCode.Forbidden, (await acme.SendAsync(dodge)).StatusCode);
            await AssertRateLimitedAsync(await acme.GetAsync(new Uri(Audit, UriKind.Relative)));
        });

    [Fact]
    public Task A_noisy_user_is_refused_while_a_colleague_is_served() =>
        WithAppAsync(new() { ["RateLimiting:PerUser:PermitsPerMinute"] = "2" }, async app =>
        {
            var noisy = app.Admin(ReferenceApiFactory.Acme);
            Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);

            await AssertRateLimitedAsync(await noisy.GetAsync(new Uri(Audit, UriKind.Relative)));
            Assert.Equal(HttpStatusCode.OK, (await app.As("colleague@acme", ReferenceApiFactory.Acme, "admin").GetAsync(new Uri(Audit, UriKind.Relative))).StatusCode);
        });

    [Fact]
    public Task Anonymous_requests_are_limited_per_client_address_and_liveness_never() =>
        WithAppAsync(new() { ["RateLimiting:PerClientAddress:PermitsPerMinute"] = "2" }, async app =>
        {
            // Documentation addresses (RFC 5737), set as the in-process connection's address: nothing is sent anywhere.
            var first = IPAddress.Parse("192.0.2.1");
            Assert.NotEqual(429, (await SendAsync(app, "/health/ready", first)).Response.StatusCode);
            Assert.NotEqual(429, (await SendAsync(app, "/health/ready", first)).Response.StatusCode);

            var refused = await SendAsync(app, "/health/ready", first);

            Assert.Equal(429, refused.Response.StatusCode);
            Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
            Assert.NotEqual(429, (await SendAsync(app, "/health/ready", IPAddress.Parse("192.0.2.2"))).Response.StatusCode);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(200, (await SendAsync(app, "/health/live", first)).Response.StatusCode);
            }
        });

    [Fact]
    public async Task A_limit_that_is_not_positive_stops_start_up_naming_its_key()
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { ["RateLimiting:PerUser:PermitsPerMinute"] = "0" });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains("RateLimiting:PerUser:PermitsPerMinute", failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"https://reference.example/problems/rate-limited\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":429", body, StringComparison.Ordinal);
    }

    private static Task<Microsoft.AspNetCore.Http.HttpContext> SendAsync(ReferenceApiFactory app, string path, IPAddress remote) =>
        app.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = remote;
        });

    private static async Task WithAppAsync(Dictionary<string, string?> settings, Func<ConfiguredApiFactory, Task> test)
    {
        var app = new ConfiguredApiFactory(settings);
        try
        {
            Assert.Null(await app.StartFailureAsync());
            await test(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
