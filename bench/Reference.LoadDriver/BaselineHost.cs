using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Reference.LoadDriver;

/// <summary>
/// The baseline: a hand-written minimal-API endpoint on Kestrel at 127.0.0.1 that does the same SQL
/// writes as placing an order through the pipeline (stream row, event, outbox message, audit record in
/// one transaction, on the same schema) and nothing else: no authentication, tenancy, validation,
/// aggregate, serializer registry or hash chain.
/// </summary>
public sealed class BaselineHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public async Task<bool> PlaceOrder()
    {
        using var response = await Client.PostAsJsonAsync("/baseline/orders", PipelineHost.Order);
        return response.IsSuccessStatusCode;
    }

    public static async Task<BaselineHost> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var sequence = dataSource.CreateCommand("CREATE SEQUENCE IF NOT EXISTS baseline_audit"))
        {
            await sequence.ExecuteNonQueryAsync();
        }

        builder.Services.AddSingleton(dataSource);
        var app = builder.Build();
        app.MapPost("/baseline/orders", async (JsonElement order, NpgsqlDataSource database, CancellationToken ct) =>
        {
            var orderId = Guid.CreateVersion7();
            await WriteAsync(database, orderId, order.GetRawText(), ct);
            return Results.Created($"/baseline/orders/{orderId}", new { id = orderId, version = 1 });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BaselineHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task WriteAsync(NpgsqlDataSource database, Guid orderId, string data, CancellationToken ct)
    {
        var streamId = $"{orderId}";
        var now = DateTimeOffset.UtcNow;
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(
                    "INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at) VALUES ('acme', @stream, 'Order', 1, false, @now, @now)",
                    ("stream", streamId), ("now", now)),
                Command(
                    "INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at) VALUES ('acme', @stream, 1, @event, 'orders.order_placed', 1, @data::jsonb, '{}'::jsonb, @now)",
                    ("stream", streamId), ("event", Guid.CreateVersion7()), ("data", data), ("now", now)),
                Command(
                    "INSERT INTO outbox (message_id, tenant_id, destination, partition_key, type, payload, headers, attempts, next_attempt_at, created_at) VALUES (@message, 'acme', 'domain-events', @stream, 'orders.order_placed', @data, '{}'::jsonb, 0, @now, @now)",
                    ("message", Guid.CreateVersion7()), ("stream", streamId), ("data", data), ("now", now)),
                Command(
                    "INSERT INTO audit_log (tenant_id, sequence, id, occurred_at, action, outcome, actor_id, resource_type, resource_id, correlation_id, record, previous_hash, hash) VALUES ('baseline', nextval('baseline_audit'), @id, @at, 'Orders.PlaceOrder', 'Succeeded', 'bench', 'Order', @stream, NULL, @data, NULL, 'x')",
                    ("id", Guid.CreateVersion7().ToString()), ("at", now), ("stream", streamId), ("data", data)),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
