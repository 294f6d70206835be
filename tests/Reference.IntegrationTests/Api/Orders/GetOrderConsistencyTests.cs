using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// <c>GET /api/orders/{id}</c> reads the order summary read model: its ETag is the version the summary reflects,
/// <c>X-Min-Version</c> waits (bounded) for a version the caller wrote, and another tenant's order is 404 with or
/// without the wait. The projection is paused where a test needs the read model to lag.
/// </summary>
public sealed class GetOrderConsistencyTests(PausedProjectionApiFactory app) : IClassFixture<PausedProjectionApiFactory>, IAsyncLifetime
{
    private ProjectionPause Projection => (ProjectionPause)app.Services.GetService(typeof(ProjectionPause))!;

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        Projection.Resume();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_read_with_the_written_version_waits_for_the_projection_and_reflects_the_command()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("SKU-1", 2, 9.5m));
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();
        var added = await (await AddLineAsync(client, placed.Id, "SKU-2", 3, 2m)).ReadAsAsync<VersionBody>();

        var read = GetAtLeastAsync(client, placed.Id, added.Version);
        Projection.Resume();
        var response = await read;

        var order = await response.ReadAsAsync<OrderBody>();
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, order.Version);
        Assert.Equal(
            [new LineBody("SKU-1", 2, 9.5m, 19m), new LineBody("SKU-2", 3, 2m, 6m)],
            order.Lines);
        Assert.Equal(25m, order.Total);
    }

    [Fact]
    public async Task Without_a_min_version_a_new_order_is_404_until_it_is_projected()
    {
        var client = app.Sales();
        Projection.Pause();
        var placed = await PlaceAsync(client);

        var before = await client.GetAsync($"/api/orders/{placed.Id}");
        Projection.Resume();

        await before.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var after = await Eventually.ReturnsAsync(() => client.GetAsync($"/api/orders/{placed.Id}"), r => r.StatusCode != HttpStatusCode.NotFound);
        Assert.Equal(placed.Id, (await after.ReadAsAsync<OrderBody>()).Id);
    }

    [Fact]
    public async Task A_stale_read_gives_the_etag_of_the_version_it_reflects_and_a_write_with_it_is_refused_with_412()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();
        (await AddLineAsync(client, placed.Id, "SKU-2")).EnsureSuccessStatusCode();

        var stale = await client.GetAsync($"/api/orders/{placed.Id}");
        var etag = stale.Headers.ETag?.Tag;
        var confirm = await ConfirmAsync(client, placed.Id, ifMatch: etag);

        Assert.Equal("\"1\"", etag);
        Assert.Equal(1, (await stale.ReadAsAsync<OrderBody>()).Version);
        var problem = await confirm.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task A_read_model_that_does_not_catch_up_in_time_gives_503_not_yet_consistent_with_retry_after()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();
        var added = await (await AddLineAsync(client, placed.Id, "SKU-2")).ReadAsAsync<VersionBody>();

        var response = await GetAtLeastAsync(client, placed.Id, added.Version);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.NotYetConsistent);
        Assert.Equal("order.not_yet_consistent", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_version_the_order_never_reached_gives_503_after_the_wait()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        await GetAsync(client, placed.Id, placed.Version);

        var response = await GetAtLeastAsync(client, placed.Id, 1_000);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.NotYetConsistent);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    public async Task Another_tenants_order_is_404_with_or_without_the_wait_and_answers_like_a_missing_order(long minVersion)
    {
        var globex = app.Sales(ReferenceApiFactory.Globex);
        var placed = await PlaceAsync(globex);
        await GetAsync(globex, placed.Id, placed.Version);
        var acme = app.Admin(ReferenceApiFactory.Acme);

        var withoutWait = await acme.GetAsync($"/api/orders/{placed.Id}");
        var (foreign, foreignTook) = await TimedAsync(() => GetAtLeastAsync(acme, placed.Id, minVersion));
        var (missing, missingTook) = await TimedAsync(() => GetAtLeastAsync(acme, Guid.NewGuid(), minVersion));

        await withoutWait.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var foreignProblem = await foreign.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Equal(missingProblem.GetProperty("code").GetString(), foreignProblem.GetProperty("code").GetString());
        Assert.Equal(Headers(missing), Headers(foreign));

        // Both wait out the whole bound: answering a foreign order sooner (or later) than a missing one would reveal it.
        // A lower bound only, so a slow machine cannot fail it.
        Assert.True(foreignTook >= PausedProjectionApiFactory.ConsistencyWait, $"The foreign order answered after {foreignTook}.");
        Assert.True(missingTook >= PausedProjectionApiFactory.ConsistencyWait, $"The missing order answered after {missingTook}.");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_min_version_that_is_not_a_version_gives_400_validation_failed(string minVersion)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{Guid.NewGuid()}");
        request.Headers.TryAddWithoutValidation(MinVersionHeader, minVersion);

        var response = await app.Sales().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_min_version_header_and_the_503()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var get = document.GetProperty("paths").GetProperty("/api/orders/{id}").GetProperty("get");
        var header = Assert.Single(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == MinVersionHeader);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(header.GetProperty("description").GetString()));
        Assert.True(get.GetProperty("responses").TryGetProperty("503", out _), "GET /api/orders/{id} does not document 503.");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        return (response, watch.Elapsed);
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join(';', response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "X-Correlation-ID" or "Content-Length" or "traceparent"))
            .Select(h => h.Key)
            .Order(StringComparer.Ordinal));
}
