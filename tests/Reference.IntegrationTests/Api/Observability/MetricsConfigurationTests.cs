using System.Net;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.Observability;

/// <summary>The <c>Observability:Prometheus</c> settings: other networks, the endpoint switched off, and bad values refused at start-up.</summary>
public sealed class MetricsConfigurationTests
{
    [Fact]
    public Task Configured_networks_replace_loopback() =>
        WithAppAsync(
            new Dictionary<string, string?> { ["Observability:Prometheus:AllowedNetworks:0"] = "203.0.113.0/24" },
            async app =>
            {
                Assert.Equal(HttpStatusCode.OK, (await Scrape.MetricsAsync(app, IPAddress.Parse("203.0.113.9"))).Status);
                Assert.Equal(HttpStatusCode.Unauthorized, (await Scrape.MetricsAsync(app, IPAddress.Parse("198.51.100.9"))).Status);
                Assert.Equal(HttpStatusCode.Unauthorized, (await Scrape.MetricsAsync(app, IPAddress.Loopback)).Status);
            });

    [Fact]
    public Task Disabled_the_endpoint_is_absent() =>
        WithAppAsync(
            new Dictionary<string, string?> { ["Observability:Prometheus:Enabled"] = "false" },
            async app =>
            {
                // Anonymous callers get 401 for any path the app does not serve; an authenticated one sees the 404.
                var admin = TestTokens.Create("admin@acme", ReferenceApiFactory.Acme, ["admin"]);
                Assert.Equal(HttpStatusCode.NotFound, (await Scrape.MetricsAsync(app, IPAddress.Loopback, admin)).Status);
            });

    [Theory]
    [InlineData("Observability:Prometheus:AllowedNetworks:0", "not-a-network")]
    [InlineData("Observability:Prometheus:Permission", "metrics.read")]
    [InlineData("Observability:Prometheus:Path", "metrics")]
    public async Task A_bad_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { [key] = value });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains(key.Split(":0")[0], failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task WithAppAsync(IReadOnlyDictionary<string, string?> settings, Func<ConfiguredApiFactory, Task> test)
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
