using System.Net;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

[Collection(ApiCollection.Name)]
public sealed class OrderConcurrencyTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_confirms_with_the_same_if_match_give_one_200_and_one_412()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var responses = await Task.WhenAll(
            ConfirmAsync(app.Sales(), placed.Id, ifMatch: "\"1\""),
            ConfirmAsync(app.Sales(), placed.Id, ifMatch: "\"1\""));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        Assert.Equal(2, (await GetAsync(client, placed.Id, minVersion: 2)).Version);
    }

    [Fact]
    public async Task Parallel_add_line_calls_without_if_match_all_succeed_and_the_order_has_every_line()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("BASE", 1, 1m));
        var skus = Enumerable.Range(1, 20).Select(i => $"PAR-{i:D2}").ToArray();

        // AddOrderLine declares RetryOnConflict: a lost race reloads the order and adds the line again.
        var responses = await Task.WhenAll(skus.Select(sku => AddLineAsync(app.Sales(), placed.Id, sku)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var order = await GetAsync(client, placed.Id, minVersion: 21);
        Assert.Equal(["BASE", .. skus], order.Lines.Select(l => l.Sku).Order(StringComparer.Ordinal));
        Assert.Equal(21, order.Version);
    }

    [Fact]
    public async Task Parallel_add_line_calls_with_the_same_if_match_give_one_200_and_412s()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => AddLineAsync(app.Sales(), placed.Id, $"PIN-{i}", ifMatch: "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed, ProblemTypes.PreconditionFailed);
        }

        Assert.Equal(2, (await GetAsync(client, placed.Id, minVersion: 2)).Lines.Count);
    }
}
