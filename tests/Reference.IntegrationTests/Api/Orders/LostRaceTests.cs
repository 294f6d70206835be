using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>A writer that loaded an order before someone else committed loses: 409 without If-Match, 412 with it.</summary>
public sealed class LostRaceTests(GatedApiFactory app) : IClassFixture<GatedApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_if_match_the_loser_gets_409_with_the_current_version_and_its_line_is_not_added()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        var (loaded, release) = app.Services.GetRequiredService<LoadGate>().HoldNextLoad();

        var slow = AddLineAsync(app.Sales(), placed.Id, "SLOW-1");
        await loaded;
        (await AddLineAsync(client, placed.Id, "FAST-1")).EnsureSuccessStatusCode();
        release();

        var problem = await (await slow).AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ConcurrencyConflict);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.DoesNotContain((await GetAsync(client, placed.Id, minVersion: 2)).Lines, l => l.Sku == "SLOW-1");
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
