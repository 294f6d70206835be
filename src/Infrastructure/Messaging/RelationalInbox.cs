using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.ReadStore.Relational;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Exactly-once handling on top of at-least-once delivery: the consumer's work and the inbox row
/// (tenant, consumer, message id) commit in one transaction. A redelivered message finds its row and is
/// skipped; two concurrent deliveries race on the primary key and the loser rolls back its work. Only
/// that key violation means "already handled": any other failure (a lock time-out, a lost connection, a
/// busy database) propagates, so the delivery is retried instead of the message being dropped.
/// </summary>
public sealed class RelationalInbox(IDbContextFactory<ProjectionsDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Runs <paramref name="work"/> (with the transaction's context) unless this consumer has already
    /// handled the message in <paramref name="tenantId"/>'s inbox; true when it ran and committed.
    /// </summary>
    public async Task<bool> HandleOnceAsync(
        string consumer, Guid messageId, string? tenantId, Func<ProjectionsDbContext, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(work);
        var tenant = tenantId ?? InboxRow.NoTenant;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Inbox.AnyAsync(i => i.TenantId == tenant && i.Consumer == consumer && i.MessageId == messageId, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Inbox.Add(new InboxRow { TenantId = tenant, Consumer = consumer, MessageId = messageId, ProcessedAt = time.GetUtcNow().ToUniversalTime() });
        try
        {
            // The inbox row goes first: a concurrent duplicate blocks on it and fails, before doing any work.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueKeyViolation.Is(ex))
        {
            return false;
        }

        await work(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes inbox rows older than <paramref name="before"/>, a batch at a time; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = before.ToUniversalTime();
        var keys = await db.Inbox.AsNoTracking().Where(i => i.ProcessedAt < cutoff).Take(batchSize).ToListAsync(cancellationToken);
        db.Inbox.RemoveRange(keys);
        await db.SaveChangesAsync(cancellationToken);
        return keys.Count;
    }
}
