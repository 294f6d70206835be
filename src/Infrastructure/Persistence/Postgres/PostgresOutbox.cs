using Npgsql;
using NpgsqlTypes;
using Reference.Infrastructure.Persistence.Events;
using Reference.Infrastructure.Persistence.Outbox;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.Postgres;

/// <summary>
/// The transactional outbox on PostgreSQL. Enqueue joins the active unit of work. Claims take the
/// oldest pending message of each partition only (so a partition is delivered in order, one at a
/// time) with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers never block each other.
/// </summary>
public sealed class PostgresOutbox(PersistenceSession session, ITenantContext tenantContext, TimeProvider timeProvider) : IOutbox
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
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO outbox (message_id, tenant_id, destination, partition_key, type, payload, headers, attempts, next_attempt_at, created_at)
                    SELECT m.message_id, m.tenant_id, m.destination, m.partition_key, m.type, m.payload, m.headers::jsonb, 0, @now, @now
                    FROM unnest(@ids, @tenants, @destinations, @partitions, @types, @payloads, @headers)
                         AS m(message_id, tenant_id, destination, partition_key, type, payload, headers)
                    ON CONFLICT (tenant_id, message_id) DO NOTHING
                    """,
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", messages.Select(m => m.MessageId).ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string[]>("tenants", tenants));
                command.Parameters.Add(new NpgsqlParameter<string[]>("destinations", messages.Select(m => m.Destination).ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string[]>("partitions", messages.Select(m => m.PartitionKey).ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string[]>("types", messages.Select(m => m.Type).ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", messages.Select(m => m.Payload).ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string[]>("headers", messages.Select(m => EventMetadataJson.SerializeHeaders(m.Headers)).ToArray()));
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var tenantId = OutboxTenant.ForDispatch(tenantContext);
        var now = timeProvider.GetUtcNow();
        return session.WriteAsync<IReadOnlyList<OutboxDelivery>>(
            async (connection, transaction, ct) =>
            {
                // A message is due when nothing older in its partition is still pending: that keeps
                // one message per partition in flight and delivers a partition in order.
                await using var command = new NpgsqlCommand(
                    $"""
                    WITH due AS (
                        SELECT o.sequence FROM outbox o
                        WHERE o.processed_at IS NULL AND o.dead_lettered_at IS NULL
                          AND (@tenant::text IS NULL OR o.tenant_id = @tenant)
                          AND o.next_attempt_at <= @now
                          AND (o.lease_until IS NULL OR o.lease_until <= @now)
                          AND NOT EXISTS (
                              SELECT 1 FROM outbox older
                              WHERE older.tenant_id = o.tenant_id AND older.partition_key = o.partition_key
                                AND older.sequence < o.sequence
                                AND older.processed_at IS NULL AND older.dead_lettered_at IS NULL)
                        ORDER BY o.sequence
                        LIMIT @max
                        FOR UPDATE SKIP LOCKED)
                    UPDATE outbox SET lease_owner = @owner, lease_until = @lease_until, attempts = outbox.attempts + 1
                    FROM due WHERE outbox.sequence = due.sequence
                    RETURNING outbox.sequence, outbox.message_id, outbox.tenant_id, outbox.destination, outbox.partition_key,
                              outbox.type, outbox.payload, outbox.headers::text, outbox.attempts, outbox.lease_until
                    """,
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenantId ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease_until", now + lease));
                command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
                command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
                await using var reader = await command.ExecuteReaderAsync(ct);
                var claimed = new List<(long Sequence, OutboxDelivery Delivery)>();
                while (await reader.ReadAsync(ct))
                {
                    var message = new OutboxMessage(
                        reader.GetGuid(1),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        EventMetadataJson.DeserializeHeaders(reader.GetString(7)))
                    {
                        TenantId = OutboxTenant.FromRow(reader.GetString(2)),
                    };
                    claimed.Add((reader.GetInt64(0), new OutboxDelivery(message, reader.GetInt32(8), owner, reader.GetFieldValue<DateTimeOffset>(9))));
                }

                return claimed.OrderBy(c => c.Sequence).Select(c => c.Delivery).ToList();
            },
            cancellationToken);
    }

    public Task<bool> CompleteAsync(Guid messageId, string owner, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            messageId,
            owner,
            "processed_at = @now, lease_owner = NULL, lease_until = NULL",
            _ => { },
            cancellationToken);

    public Task<bool> FailAsync(Guid messageId, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            messageId,
            owner,
            """
            last_error = @error, lease_owner = NULL, lease_until = NULL,
            next_attempt_at = coalesce(@retry_at, next_attempt_at),
            dead_lettered_at = CASE WHEN @retry_at IS NULL THEN @now END
            """,
            p =>
            {
                p.Add(new NpgsqlParameter<string>("error", error ?? string.Empty));
                p.Add(new NpgsqlParameter("retry_at", NpgsqlDbType.TimestampTz) { Value = retryAt.HasValue ? retryAt.Value : DBNull.Value });
            },
            cancellationToken);

    private Task<bool> UpdateLeasedAsync(
        Guid messageId,
        string owner,
        string assignments,
        Action<NpgsqlParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var tenantId = OutboxTenant.ForDispatch(tenantContext);
        var now = timeProvider.GetUtcNow();
        return session.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = new NpgsqlCommand(
                    $"""
                    UPDATE outbox SET {assignments}
                    WHERE message_id = @id AND lease_owner = @owner AND lease_until > @now AND {Pending}
                      AND (@tenant::text IS NULL OR tenant_id = @tenant)
                    """,
                    (NpgsqlConnection)connection);
                command.Parameters.Add(new NpgsqlParameter<Guid>("id", messageId));
                command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenantId ?? DBNull.Value });
                bind(command.Parameters);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }
}
