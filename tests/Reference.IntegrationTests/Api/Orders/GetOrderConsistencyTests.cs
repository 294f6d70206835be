using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reference.Features.Orders;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// <c>GET /api/orders/{id}</c> reflects every acknowledged write (ADR 0007): from the summary when it has caught up,
/// from the stream while it lags, with the ETag the write returned; <c>X-Min-Version</c> still waits (bounded) for a
/// version the order has not reached; another tenant's order is 404 like a missing one, with or without the wait.
/// The projection is paused where a test needs the read model to lag.
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
    public async Task A_new_order_reads_at_once_from_its_location_with_the_etag_the_201_returned()
    {
        var client = app.Sales();
        Projection.Pause();

        var created = await client.PostAsJsonAsync("/api/orders", NewOrder(("SKU-1", 2, 9.5m)));
        var placed = await created.ReadAsAsync<VersionBody>(HttpStatusCode.Created);
        var read = await client.GetAsync(created.Headers.Location);

        var order = await read.ReadAsAsync<OrderBody>();
        Assert.Equal(created.Headers.ETag?.Tag, read.Headers.ETag?.Tag);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(placed.Id, order.Id);
        Assert.Equal(placed.Version, order.Version);
        Assert.Equal("Draft", order.Status);
        Assert.Equal([new LineBody("SKU-1", 2, 9.5m, 19m)], order.Lines);
    }

    [Fact]
    public async Task Every_acknowledged_write_is_read_back_at_once_without_a_header_while_the_read_model_lags()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("SKU-1", 2, 9.5m));
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();

        var added = await ReadBackAsync(client, placed.Id, await AddLineAsync(client, placed.Id, "SKU-2", 3, 2m));
        Assert.Equal(2, added.Version);
        Assert.Equal([new LineBody("SKU-1", 2, 9.5m, 19m), new LineBody("SKU-2", 3, 2m, 6m)], added.Lines);
        Assert.Equal(25m, added.Total);

        var removed = await ReadBackAsync(client, placed.Id, await client.DeleteAsync($"/api/orders/{placed.Id}/lines/SKU-1"));
        Assert.Equal([new LineBody("SKU-2", 3, 2m, 6m)], removed.Lines);

        var confirmed = await ReadBackAsync(client, placed.Id, await ConfirmAsync(client, placed.Id));
        Assert.Equal("Confirmed", confirmed.Status);
        Assert.Equal(6m, confirmed.Total);

        var cancelled = await ReadBackAsync(
            client, placed.Id, await client.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "changed my mind" }));
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal("changed my mind", cancelled.CancellationReason);
        Assert.Equal(5, cancelled.Version);
    }

    [Fact]
    public async Task Once_the_read_model_catches_up_the_read_is_the_same_order()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("SKU-1", 2, 9.5m));
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();
        var added = await (await AddLineAsync(client, placed.Id, "SKU-2", 3, 2m)).ReadAsAsync<VersionBody>();
        var fromStream = await client.GetStringAsync($"/api/orders/{placed.Id}");

        Projection.Resume();
        var summaries = (IReadModelStore<OrderSummary>)app.Services.GetService(typeof(IReadModelStore<OrderSummary>))!;
        using (((ITenantContext)app.Services.GetService(typeof(ITenantContext))!).BeginScope(ReferenceApiFactory.Acme))
        {
            await Eventually.ReturnsAsync(() => summaries.GetAsync(placed.Id.ToString()), s => s?.Version == added.Version);
        }

        var fromSummary = await client.GetStringAsync($"/api/orders/{placed.Id}");

        Assert.Equal(fromStream, fromSummary);
    }

    [Fact]
    public async Task A_stale_if_match_is_still_refused_with_412()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var read = await client.GetAsync($"/api/orders/{placed.Id}");
        var etag = read.Headers.ETag?.Tag;
        (await AddLineAsync(client, placed.Id, "SKU-2")).EnsureSuccessStatusCode();

        var confirm = await ConfirmAsync(client, placed.Id, ifMatch: etag);

        Assert.Equal("\"1\"", etag);
        var problem = await confirm.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task A_min_version_the_order_has_reached_answers_at_once_while_the_read_model_lags()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        await GetAsync(client, placed.Id, placed.Version);
        Projection.Pause();
        var added = await (await AddLineAsync(client, placed.Id, "SKU-2")).ReadAsAsync<VersionBody>();

        var (response, took) = await TimedAsync(() => GetAtLeastAsync(client, placed.Id, added.Version));

        Assert.Equal(added.Version, (await response.ReadAsAsync<OrderBody>()).Version);
        Assert.True(took < PausedProjectionApiFactory.ConsistencyWait, $"The read waited {took} for a version the stream had.");
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
        var missingWithoutWait = await acme.GetAsync($"/api/orders/{Guid.NewGuid()}");
        var (foreign, foreignTook) = await TimedAsync(() => GetAtLeastAsync(acme, placed.Id, minVersion));
        var (missing, missingTook) = await TimedAsync(() => GetAtLeastAsync(acme, Guid.NewGuid(), minVersion));

        var foreignAtOnce = await withoutWait.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var missingAtOnce = await missingWithoutWait.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Equal(missingAtOnce.GetProperty("code").GetString(), foreignAtOnce.GetProperty("code").GetString());
        Assert.Equal(Headers(missingWithoutWait), Headers(withoutWait));
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

    /// <summary>A write's answer, then at once a plain read of the order: it must carry the write's ETag.</summary>
    private static async Task<OrderBody> ReadBackAsync(HttpClient client, Guid orderId, HttpResponseMessage write)
    {
        var written = await write.ReadAsAsync<VersionBody>();
        var read = await client.GetAsync($"/api/orders/{orderId}");
        var order = await read.ReadAsAsync<OrderBody>();
        Assert.Equal(write.Headers.ETag?.Tag, read.Headers.ETag?.Tag);
        Assert.Equal(written.Version, order.Version);
        return order;
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
