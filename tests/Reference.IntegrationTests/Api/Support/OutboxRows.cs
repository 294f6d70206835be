using Npgsql;

namespace Reference.IntegrationTests.Api.Support;

/// <summary>Outbox rows written straight into the app's database: dead letters and processed messages, in any tenant.</summary>
public static class OutboxRows
{
    /// <summary>Inserts a message that ran out of attempts; returns its id (pass one to reuse an id in another tenant).</summary>
    public static async Task<Guid> InsertDeadLetterAsync(string connectionString, string tenantId, string destination, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync(
            connectionString,
            """
            INSERT INTO outbox (message_id, tenant_id, destination, partition_key, type, payload, headers, attempts, next_attempt_at, last_error, created_at, dead_lettered_at)
            VALUES (@id, @tenant, @destination, @partition, 'test.message', '{}', '{}', 10, @now, 'broker unavailable', @now, @now)
            """,
            ("id", id), ("tenant", tenantId), ("destination", destination), ("partition", $"partition-{id:N}"), ("now", now));
        return id;
    }

    /// <summary>Inserts a message delivered at <paramref name="processedAt"/>.</summary>
    public static async Task<Guid> InsertProcessedAsync(string connectionString, string tenantId, string destination, DateTimeOffset processedAt)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            connectionString,
            """
            INSERT INTO outbox (message_id, tenant_id, destination, partition_key, type, payload, headers, attempts, next_attempt_at, created_at, processed_at)
            VALUES (@id, @tenant, @destination, @partition, 'test.message', '{}', '{}', 1, @at, @at, @at)
            """,
            ("id", id), ("tenant", tenantId), ("destination", destination), ("partition", $"partition-{id:N}"), ("at", processedAt));
        return id;
    }

    /// <summary>The row's delivery state, or null when it no longer exists.</summary>
    public static async Task<OutboxRowState?> ReadAsync(string connectionString, string tenantId, Guid messageId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT attempts, processed_at IS NOT NULL, dead_lettered_at IS NOT NULL FROM outbox WHERE tenant_id = @tenant AND message_id = @id",
            connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new OutboxRowState(reader.GetInt32(0), reader.GetBoolean(1), reader.GetBoolean(2)) : null;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}

public sealed record OutboxRowState(int Attempts, bool Processed, bool DeadLettered);
