using System.Net;
using System.Net.Http.Json;
using Reference.IntegrationTests.Api.Observability;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.FeatureFlags;

/// <summary>
/// Flags per tenant (the <c>Tenants</c> filter), per user and group (<c>Microsoft.Targeting</c>), gating endpoints
/// (off → 404 as if absent), listed at <c>GET /api/features</c>, reloaded without a restart, and counted.
/// </summary>
public sealed class FeatureFlagTests(FlaggedApiFactory app) : IClassFixture<FlaggedApiFactory>
{
    private sealed record Feature(string Name, bool Enabled);

    private sealed record FeatureList(List<Feature> Features);

    [Fact]
    public async Task Features_lists_every_flag_with_its_state_for_the_callers_tenant()
    {
        var acme = await ListAsync(app.Admin(ReferenceApiFactory.Acme));
        var globex = await ListAsync(app.Admin(ReferenceApiFactory.Globex));

        Assert.True(acme["AuditLogReading"]);
        Assert.False(globex["AuditLogReading"]);
        Assert.True(acme["EveryoneButGlobex"]);
        Assert.False(globex["EveryoneButGlobex"]);

        // The shipped appsettings.json turns the sample flag on for every tenant.
        Assert.True(acme["OrderCancellation"]);
        Assert.True(globex["OrderCancellation"]);
    }

    [Fact]
    public async Task The_targeting_filter_picks_users_by_id_and_tenants_as_groups()
    {
        Assert.True((await ListAsync(app.As("chosen@acme", ReferenceApiFactory.Acme, "viewer")))["Targeted"]);
        Assert.False((await ListAsync(app.As("other@acme", ReferenceApiFactory.Acme, "viewer")))["Targeted"]);
        Assert.True((await ListAsync(app.As("anyone@globex", ReferenceApiFactory.Globex, "viewer")))["Targeted"]);
    }

    [Fact]
    public async Task A_gated_endpoint_is_absent_for_a_tenant_the_flag_is_off_for()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Admin(ReferenceApiFactory.Acme).GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);

        var gated = await app.Admin(ReferenceApiFactory.Globex).GetAsync(new Uri("/api/audit", UriKind.Relative));
        var absent = await app.Admin(ReferenceApiFactory.Globex).GetAsync(new Uri("/api/no-such-endpoint", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, gated.StatusCode);
        Assert.Equal(absent.StatusCode, gated.StatusCode);
        Assert.Equal(absent.Content.Headers.ContentType?.MediaType, gated.Content.Headers.ContentType?.MediaType);
        Assert.Contains("https://reference.example/problems/not-found", await gated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_flag_applies_without_a_restart()
    {
        var acme = app.Admin(ReferenceApiFactory.Acme);
        Assert.False((await ListAsync(acme))["Reloaded"]);

        app.Change("FeatureManagement:Reloaded", "true");

        await Eventually.ReturnsAsync(() => ListAsync(acme), flags => flags["Reloaded"]);
    }

    [Fact]
    public async Task Evaluations_are_counted_by_flag_and_result()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin(ReferenceApiFactory.Globex).GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);

        var scrape = await Scrape.MetricsAsync(app, IPAddress.Loopback);

        Assert.Contains(
            Scrape.Lines(scrape.Body, "reference_feature_flag_evaluations_total"),
            line => line.Contains("feature_flag_key=\"AuditLogReading\"", StringComparison.Ordinal)
                && line.Contains("feature_flag_result_value=\"false\"", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, bool>> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/features", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<FeatureList>();
        return list!.Features.ToDictionary(f => f.Name, f => f.Enabled, StringComparer.Ordinal);
    }
}
