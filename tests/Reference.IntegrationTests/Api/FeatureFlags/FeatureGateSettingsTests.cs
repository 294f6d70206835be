using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.FeatureFlags;

/// <summary><c>FeatureFlags:Gates</c> is checked at start-up: each gate names a flag that exists and an endpoint as <c>METHOD /route</c>.</summary>
public sealed class FeatureGateSettingsTests
{
    [Theory]
    [InlineData("FeatureFlags:Gates:NoSuchFlag:0", "GET /api/audit")]
    [InlineData("FeatureFlags:Gates:OrderCancellation:0", "/api/audit")]
    public async Task A_bad_gate_stops_start_up_naming_the_key(string key, string value)
    {
        var app = new ConfiguredApiFactory(new Dictionary<string, string?> { [key] = value });
        try
        {
            var failure = await app.StartFailureAsync();

            Assert.NotNull(failure);
            Assert.Contains("FeatureFlags:Gates", failure, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
