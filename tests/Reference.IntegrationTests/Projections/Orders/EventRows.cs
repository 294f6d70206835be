using Npgsql;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Projections.Orders;

/// <summary>Rows written straight into the events table: what a newer deployment, a bad upcaster's input or a damaged row looks like.</summary>
public static class EventRows
{
    public sealed record BadRow(string Name, string EventType, int SchemaVersion, string Data, string Metadata = "{}")
    {
        public override string ToString() => Name;
    }

    /// <summary>Events this version cannot read, each of an order event type the order summary handles.</summary>
    public static readonly IReadOnlyList<BadRow> Unreadable =
    [
        new("newer schema version", "orders.order_placed", 2,
            """{"orderId":"01234567-89ab-7def-8123-456789abcdef","customerId":"01234567-89ab-7def-8123-456789abcdef","currency":"EUR","lines":[]}"""),
        new("corrupt payload", "orders.order_placed", 1, """{"orderId":"not-a-guid","lines":"none"}"""),
        new("payload of the wrong shape", "orders.order_line_added", 1, "[1,2,3]"),
        new("no upcaster from its version", "orders.order_placed", 0, "{}"),
        new("failing upcaster", PoisonEventApiFactory.BrokenUpcasterType, 0, """{"orderId":"01234567-89ab-7def-8123-456789abcdef"}"""),
        new("corrupt metadata", "orders.order_cancelled", 1, """{"orderId":"01234567-89ab-7def-8123-456789abcdef","reason":"x"}""", "[1]"),
    ];

    /// <summary>Inserts <paramref name="row"/> as the first event of a new order stream in <paramref name="tenantId"/>; returns its id and position.</summary>
    public static async Task<(Guid EventId, LogPosition Position)> InsertAsync(string connectionString, string tenantId, BadRow row)
    {
        var eventId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH stream AS (
                INSERT INTO streams (tenant_id, stream_id, stream_type, version, archived, created_at, updated_at)
                VALUES (@tenant, @stream, 'Order', 1, false, now(), now()))
            INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at)
            VALUES (@tenant, @stream, 1, @id, @type, @schema, @data::jsonb, @metadata::jsonb, now())
            RETURNING tx_id::text::bigint, global_position
            """,
            connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("stream", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("id", eventId);
        command.Parameters.AddWithValue("type", row.EventType);
        command.Parameters.AddWithValue("schema", row.SchemaVersion);
        command.Parameters.AddWithValue("data", row.Data);
        command.Parameters.AddWithValue("metadata", row.Metadata);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (eventId, new LogPosition(reader.GetInt64(0), reader.GetInt64(1)));
    }
}
