using Npgsql;
using Reference.LoadDriver;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Bench;

/// <summary>
/// The load driver's two contenders must answer every request with success and write what they claim to, or
/// every ratio the driver prints compares the pipeline against error responses.
/// </summary>
public sealed class LoadDriverContenderTests : IAsyncLifetime
{
    private const int Requests = 5;
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresServer.Instance.CreateDatabaseAsync("loaddriver");

    public Task DisposeAsync() => PostgresServer.Instance.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task Both_contenders_place_every_order_without_an_error_and_write_the_same_rows()
    {
        await using var pipeline = new PipelineHost(_connectionString);
        var client = pipeline.Start()[0];
        await using var baseline = await BaselineHost.StartAsync(_connectionString);

        for (var i = 0; i < Requests; i++)
        {
            Assert.True(await PipelineHost.PlaceOrder(client), "the pipeline answered POST /api/orders with an error");
            Assert.True(await baseline.PlaceOrder(), "the baseline answered POST /baseline/orders with an error");
        }

        // Each contender wrote one stream, one event, one outbox message and one audit record per order.
        Assert.Equal(2 * Requests, await CountAsync("SELECT count(*) FROM streams"));
        Assert.Equal(2 * Requests, await CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(2 * Requests, await CountAsync("SELECT count(*) FROM outbox"));
        Assert.Equal(Requests, await CountAsync("SELECT count(*) FROM audit_log WHERE tenant_id = 'baseline'"));
        Assert.Equal(Requests, await CountAsync("SELECT count(*) FROM audit_log WHERE tenant_id = 'acme' AND action LIKE '%PlaceOrder'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
