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
    public async Task Parallel_add_line_calls_succeed_or_conflict_and_the_order_has_exactly_the_successful_lines()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client, ("BASE", 1, 1m));
        var skus = Enumerable.Range(1, 20).Select(i => $"PAR-{i:D2}").ToArray();

        var responses = await Task.WhenAll(skus.Select(sku => AddLineAsync(app.Sales(), placed.Id, sku)));

        var succeeded = new List<string>();
        for (var i = 0; i < skus.Length; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.OK)
            {
                succeeded.Add(skus[i]);
            }
            else
            {
                await responses[i].AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.ConcurrencyConflict);
            }
        }

        Assert.NotEmpty(succeeded);
        var order = await GetAsync(client, placed.Id, minVersion: 1 + succeeded.Count);
        Assert.Equal(["BASE", .. succeeded.Order(StringComparer.Ordinal)], order.Lines.Select(l => l.Sku).Order(StringComparer.Ordinal));
        Assert.Equal(1 + succeeded.Count, order.Version);
    }
}
