using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// A writer that loaded an order before someone else committed loses: 412 with If-Match; without it, 409 for a command
/// that rejects conflicts, and a retry on the reloaded order for one that declares RetryOnConflict (adding a line).
/// </summary>
public sealed class LostRaceTests(GatedApiFactory app) : IClassFixture<GatedApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_if_match_a_command_that_rejects_conflicts_gets_409_with_the_current_version()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = ConfirmAsync(app.Sales(), placed.Id);
        await loaded;
        (await AddLineAsync(client, placed.Id, "FAST-1")).EnsureSuccessStatusCode();
        release();

        var problem = await (await slow).AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ConcurrencyConflict);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal("Draft", (await GetAsync(client, placed.Id, minVersion: 2)).Status);
    }

    [Fact]
    public async Task Without_if_match_a_lost_add_line_is_retried_on_the_reloaded_order_and_both_lines_are_kept()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = AddLineAsync(app.Sales(), placed.Id, "SLOW-1");
        await loaded;
        (await AddLineAsync(client, placed.Id, "FAST-1")).EnsureSuccessStatusCode();
        release();

        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);
        Assert.Equal("\"3\"", (await slow).Headers.ETag?.Tag);
        Assert.Equal(["SKU-1", "FAST-1", "SLOW-1"], (await GetAsync(client, placed.Id, minVersion: 3)).Lines.Select(l => l.Sku));
    }

    [Fact]
    public async Task With_if_match_the_loser_gets_412()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = ConfirmAsync(app.Sales(), placed.Id, ifMatch: "\"1\"");
        await loaded;
        (await AddLineAsync(client, placed.Id, "FAST-1")).EnsureSuccessStatusCode();
        release();

        await (await slow).AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal("Draft", (await GetAsync(client, placed.Id, minVersion: 2)).Status);
    }
}
