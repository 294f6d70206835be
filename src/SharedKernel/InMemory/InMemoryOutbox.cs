using System.Collections.Immutable;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IOutbox"/> in memory. Enqueue joins the ambient unit of work. Claims follow the rules of
/// the relational outboxes: messages of one partition (per tenant) go out in enqueue order, one at a
/// time; a lease that runs out makes the message claimable again; completion and failure count only
/// while the caller still holds the lease. A dead-lettered message no longer blocks its partition.
/// </summary>
public sealed class InMemoryOutbox(InMemoryDatabase database, ITenantContext tenants) : IOutbox
{
    private static readonly InMemoryTable<ImmutableSortedDictionary<long, OutboxRow>> Messages = new("outbox", ImmutableSortedDictionary<long, OutboxRow>.Empty);

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tenantId = tenants.IsSystemScope ? null : tenants.RequireTenantId();
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(
            transaction =>
            {
                var rows = transaction.Get(Messages);
                var sequence = rows.IsEmpty ? 0 : rows.Keys.Last();
                foreach (var message in messages)
                {
                    if (rows.Values.Any(row => row.Message.MessageId == message.MessageId))
                    {
                        throw new InvalidOperationException($"Outbox message {message.MessageId} is already enqueued.");
                    }

                    rows = rows.Add(++sequence, new OutboxRow(sequence, message with { TenantId = tenantId }));
                }

                transaction.Set(Messages, rows);
                return rows.Count;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return await database.WriteAsync<IReadOnlyList<OutboxDelivery>>(
            transaction =>
            {
                var now = database.Time.GetUtcNow();
                var rows = transaction.Get(Messages);
                var claimed = new List<OutboxDelivery>();
                var seenPartitions = new HashSet<(string?, string)>();
                foreach (var row in rows.Values.Where(row => row.State == OutboxState.Pending))
                {
                    if (claimed.Count == maxCount)
                    {
                        break;
                    }

                    // Only the oldest pending message of a partition may go out, and only when nothing of it is in flight.
                    if (!seenPartitions.Add((row.Message.TenantId, row.Message.PartitionKey)) || !row.IsClaimableAt(now))
                    {
                        continue;
                    }

                    var leased = row with { Attempts = row.Attempts + 1, LeaseOwner = owner, LeaseUntil = now + lease, DueAt = null };
                    rows = rows.SetItem(row.Sequence, leased);
                    claimed.Add(new OutboxDelivery(leased.Message, leased.Attempts, owner, leased.LeaseUntil!.Value));
                }

                transaction.Set(Messages, rows);
                return claimed;
            },
            cancellationToken);
    }

    public Task<bool> CompleteAsync(Guid messageId, string owner, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(messageId, owner, row => row with { State = OutboxState.Processed, LeaseOwner = null, LeaseUntil = null }, cancellationToken);

    public Task<bool> FailAsync(Guid messageId, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        UpdateLeasedAsync(
            messageId,
            owner,
            row => row with
            {
                State = retryAt is null ? OutboxState.DeadLettered : OutboxState.Pending,
                DueAt = retryAt,
                LastError = error,
                LeaseOwner = null,
                LeaseUntil = null,
            },
            cancellationToken);

    private Task<bool> UpdateLeasedAsync(Guid messageId, string owner, Func<OutboxRow, OutboxRow> update, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return database.WriteAsync(
            transaction =>
            {
                var now = database.Time.GetUtcNow();
                var rows = transaction.Get(Messages);
                var row = rows.Values.FirstOrDefault(r => r.Message.MessageId == messageId);
                if (row is null || row.State != OutboxState.Pending || row.LeaseOwner != owner || row.LeaseUntil <= now)
                {
                    return false;
                }

                transaction.Set(Messages, rows.SetItem(row.Sequence, update(row)));
                return true;
            },
            cancellationToken);
    }

    private enum OutboxState
    {
        Pending,
        Processed,
        DeadLettered,
    }

    private sealed record OutboxRow(long Sequence, OutboxMessage Message)
    {
        public OutboxState State { get; init; } = OutboxState.Pending;

        public int Attempts { get; init; }

        public DateTimeOffset? DueAt { get; init; }

        public string? LeaseOwner { get; init; }

        public DateTimeOffset? LeaseUntil { get; init; }

        public string? LastError { get; init; }

        public bool IsClaimableAt(DateTimeOffset now) =>
            (LeaseUntil is null || LeaseUntil <= now) && (DueAt is null || DueAt <= now);
    }
}
