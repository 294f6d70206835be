using Microsoft.Data.Sqlite;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Outbox;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The transactional outbox on SQLite. A claim runs in a write transaction, which holds the
/// database's single write lock, so two dispatchers can never claim the same message.
/// </summary>
public sealed class SqliteOutbox(PersistenceSession session, ITenantContext tenantContext, TimeProvider timeProvider) : IOutbox
{
    private const string Pending = "processed_at IS NULL AND dead_lettered_at IS NULL";

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var tenants = messages.Select(m => OutboxTenant.ForEnqueue(tenantContext, m)).ToArray();
        var now = timeProvider.GetUtcNow();
        await session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, """
                    INSERT INTO outbox (message_id, tenant_id, destination, partition_key, type, payload, headers, attempts, next_attempt_at, created_at)
                    VALUES (@id, @tenant, @destination, @partition, @type, @payload, @headers, 0, @now, @now)
                    ON CONFLICT (tenant_id, message_id) DO NOTHING
                    """);
                command.With("@now", now).With("@id", null).With("@tenant", null).With("@destination", null)
                    .With("@partition", null).With("@type", null).With("@payload", null).With("@headers", null);
                for (var i = 0; i < messages.Count; i++)
                {
                    var message = messages[i];
                    command.Parameters["@id"].Value = SqliteCommands.Text(message.MessageId);
                    command.Parameters["@tenant"].Value = tenants[i];
                    command.Parameters["@destination"].Value = message.Destination;
                    command.Parameters["@partition"].Value = message.PartitionKey;
                    command.Parameters["@type"].Value = message.Type;
                    command.Parameters["@payload"].Value = message.Payload;
                    command.Parameters["@headers"].Value = EventMetadataJson.SerializeHeaders(message.Headers);
                    await command.ExecuteNonQueryAsync(ct);
                }

                return messages.Count;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var tenantId = OutboxTenant.ForDispatch(tenantContext);
        var now = timeProvider.GetUtcNow();
        var leaseUntil = now + lease;
        return session.WriteAsync<IReadOnlyList<OutboxDelivery>>(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, """
                    UPDATE outbox SET lease_owner = @owner, lease_until = @lease_until, attempts = attempts + 1
                    WHERE sequence IN (
                        SELECT o.sequence FROM outbox o
                        WHERE o.processed_at IS NULL AND o.dead_lettered_at IS NULL
                          AND (@tenant IS NULL OR o.tenant_id = @tenant)
                          AND o.next_attempt_at <= @now
                          AND (o.lease_until IS NULL OR o.lease_until <= @now)
                          AND NOT EXISTS (
                              SELECT 1 FROM outbox older
                              WHERE older.tenant_id = o.tenant_id AND older.partition_key = o.partition_key
                                AND older.sequence < o.sequence
                                AND older.processed_at IS NULL AND older.dead_lettered_at IS NULL)
                        ORDER BY o.sequence
                        LIMIT @max)
                    RETURNING sequence, message_id, tenant_id, destination, partition_key, type, payload, headers, attempts
                    """).With("@owner", owner).With("@lease_until", leaseUntil).With("@tenant", tenantId).With("@now", now).With("@max", maxCount);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var claimed = new List<(long Sequence, OutboxDelivery Delivery)>();
                while (await reader.ReadAsync(ct))
                {
                    var message = new OutboxMessage(
                        Guid.Parse(reader.GetString(1)),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        EventMetadataJson.DeserializeHeaders(reader.GetString(7)))
                    {
                        TenantId = OutboxTenant.FromRow(reader.GetString(2)),
                    };
                    claimed.Add((reader.GetInt64(0), new OutboxDelivery(message, reader.GetInt32(8), owner, DateTimeOffset.FromUnixTimeMilliseconds(leaseUntil.ToUnixTimeMilliseconds()))));
                }

                return claimed.OrderBy(c => c.Sequence).Select(c => c.Delivery).ToList();
            },
            cancellationToken);
    }

    public Task<bool> CompleteAsync(Guid messageId, string owner, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(messageId, owner, "processed_at = @now, lease_owner = NULL, lease_until = NULL", _ => { }, cancellationToken);

    public Task<bool> FailAsync(Guid messageId, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            messageId,
            owner,
            """
            last_error = @error, lease_owner = NULL, lease_until = NULL,
            next_attempt_at = coalesce(@retry_at, next_attempt_at),
            dead_lettered_at = CASE WHEN @retry_at IS NULL THEN @now END
            """,
            command => command.With("@error", error ?? string.Empty).With("@retry_at", retryAt),
            cancellationToken);

    private Task<bool> UpdateLeasedAsync(Guid messageId, string owner, string assignments, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var tenantId = OutboxTenant.ForDispatch(tenantContext);
        var now = timeProvider.GetUtcNow();
        return session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteCommands.Create(connection, transaction, $"""
                    UPDATE outbox SET {assignments}
                    WHERE message_id = @id AND lease_owner = @owner AND lease_until > @now AND {Pending}
                      AND (@tenant IS NULL OR tenant_id = @tenant)
                    """).With("@id", messageId).With("@owner", owner).With("@now", now).With("@tenant", tenantId);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }
}
