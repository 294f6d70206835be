using System.Net;
using System.Net.Http.Json;
using Reference.Features.Shared.Http;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// The placed-by row policy on one order by id: a sales user who may not list a colleague's order can neither read
/// nor change it, and learns nothing from trying (the 404 of a missing order). Checked while the read model lags
/// (the read comes from the stream) and once it has caught up (the read comes from the summary).
/// </summary>
public sealed class OrderByIdRowAccessTests(PausedProjectionApiFactory app) : IClassFixture<PausedProjectionApiFactory>, IAsyncLifetime
{
    private ProjectionPause Projection => (ProjectionPause)app.Services.GetService(typeof(ProjectionPause))!;

    private HttpClient Alice() => app.As("alice@acme", ReferenceApiFactory.Acme, "sales");

    private HttpClient Bob() => app.As("bob@acme", ReferenceApiFactory.Acme, "sales");

    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        Projection.Resume();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_colleague_cannot_read_an_order_and_gets_the_404_of_a_missing_one(bool projected)
    {
        var placed = await PlaceAsync(Alice());
        if (projected)
        {
            await GetAsync(Alice(), placed.Id, placed.Version);
        }
        else
        {
            Projection.Pause();
        }

        var foreign = await Bob().GetAsync($"/api/orders/{placed.Id}");
        var missing = await Bob().GetAsync($"/api/orders/{Guid.NewGuid()}");
        var own = await Alice().GetAsync($"/api/orders/{placed.Id}");
        var readAll = await app.Viewer().GetAsync($"/api/orders/{placed.Id}");

        var foreignProblem = await foreign.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Equal(missingProblem.GetProperty("code").GetString(), foreignProblem.GetProperty("code").GetString());
        Assert.Equal(placed.Id, (await own.ReadAsAsync<OrderBody>()).Id);
        Assert.Equal(placed.Id, (await readAll.ReadAsAsync<OrderBody>()).Id);
    }

    [Fact]
    public async Task A_colleague_cannot_add_or_remove_lines_confirm_or_cancel_an_order_and_it_stays_unchanged()
    {
        var placed = await PlaceAsync(Alice(), ("SKU-1", 1, 10m));
        Projection.Pause();
        var bob = Bob();

        HttpResponseMessage[] attempts =
        [
            await AddLineAsync(bob, placed.Id, "SKU-2"),
            await bob.DeleteAsync($"/api/orders/{placed.Id}/lines/SKU-1"),
            await ConfirmAsync(bob, placed.Id),
            await ConfirmAsync(bob, placed.Id, ifMatch: "\"7\""),
            await bob.PostAsJsonAsync($"/api/orders/{placed.Id}/cancel", new { reason = "not mine" }),
        ];

        foreach (var attempt in attempts)
        {
            await attempt.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        }

        var order = await (await Alice().GetAsync($"/api/orders/{placed.Id}")).ReadAsAsync<OrderBody>();
        Assert.Equal(1, order.Version);
        Assert.Equal("Draft", order.Status);
    }

    [Fact]
    public async Task A_principal_who_may_read_every_order_may_change_a_colleagues_order()
    {
        var placed = await PlaceAsync(Alice());
        var manager = app.As("manager@acme", ReferenceApiFactory.Acme, "sales", "viewer");

        var confirmed = await ConfirmAsync(manager, placed.Id, ifMatch: "\"1\"");

        Assert.Equal(2, (await confirmed.ReadAsAsync<VersionBody>()).Version);
    }
}
