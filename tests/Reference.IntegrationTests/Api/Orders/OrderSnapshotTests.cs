using System.Net;
using Npgsql;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>The Orders slice snapshots through the real PostgreSQL store (the test host snapshots every 3 events).</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderSnapshotTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Commands_after_a_snapshot_load_from_it_and_keep_the_expected_version()
    {
        var client = app.Sales();
        var placed = await PlaceAsync(client);
        foreach (var sku in new[] { "B", "C", "D" })
        {
            Assert.Equal(HttpStatusCode.OK, (await AddLineAsync(client, placed.Id, sku)).StatusCode);
        }

        var snapshot = await SnapshotVersionsAsync(placed.Id);
        var stale = await ConfirmAsync(client, placed.Id, ifMatch: "\"3\"");
        var current = await ConfirmAsync(client, placed.Id, ifMatch: "\"4\"");

        Assert.Equal([("acme", 3L)], snapshot);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"5\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Another_tenant_cannot_use_an_order_through_its_snapshot()
    {
        var acme = app.Sales();
        var placed = await PlaceAsync(acme);
        foreach (var sku in new[] { "B", "C" })
        {
            Assert.Equal(HttpStatusCode.OK, (await AddLineAsync(acme, placed.Id, sku)).StatusCode);
        }

        var response = await AddLineAsync(app.Sales(ReferenceApiFactory.Globex), placed.Id, "X");

        Assert.Equal([("acme", 3L)], await SnapshotVersionsAsync(placed.Id));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<List<(string Tenant, long Version)>> SnapshotVersionsAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tenant_id, version FROM snapshots WHERE stream_id = @id AND snapshot_type = 'order'", connection);
        command.Parameters.AddWithValue("id", orderId.ToString());
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
