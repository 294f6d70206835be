using Npgsql;
using Reference.IntegrationTests.Api.Support;
using static Reference.IntegrationTests.Api.Support.OrdersApi;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>The caller's correlation id reaches every row the request wrote: event, outbox message and audit record.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorrelationFlowTests(ReferenceApiFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_correlation_id_is_stored_with_the_event_the_outbox_message_and_the_audit_record()
    {
        var correlationId = "flow-" + Guid.NewGuid().ToString("N");
        var client = app.Sales();
        client.DefaultRequestHeaders.Add("X-Correlation-ID", correlationId);

        await PlaceAsync(client);

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM events WHERE metadata::text LIKE '%' || @c || '%'", correlationId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox WHERE headers::text LIKE '%' || @c || '%'", correlationId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE correlation_id = @c", correlationId));
    }

    private async Task<long> CountAsync(string sql, string correlationId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("c", correlationId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
