using System.Text.Json;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>Commands of one tenant that commit at the same time still extend its audit chain one link at a time.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentAuditChainTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Orders_placed_in_parallel_each_get_a_record_in_one_gapless_chain_that_verifies()
    {
        const int Orders = 24;

        var placed = await Task.WhenAll(Enumerable.Range(0, Orders).Select(_ => PlaceAsync(app.Sales())));

        var admin = app.Admin();
        var page = await (await admin.GetAsync("/api/audit?sort=sequence&pageSize=100")).ReadAsAsync<JsonElement>();
        var records = page.GetProperty("items").EnumerateArray().ToList();
        var placements = records.Where(r => r.GetProperty("action").GetString() == "Orders.PlaceOrder").ToList();
        Assert.Equal(
            placed.Select(p => p.Id.ToString()).Order(),
            placements.Select(r => r.GetProperty("resource").GetProperty("id").GetString()!).Order());
        Assert.Equal(
            Enumerable.Range(1, records.Count).Select(i => (long)i),
            records.Select(r => r.GetProperty("sequence").GetInt64()));
        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAsAsync<JsonElement>();
        Assert.True(verification.GetProperty("isValid").GetBoolean());
    }
}
