using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;
using Reference.Infrastructure.Persistence.Schema;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// <see cref="IOutboxMaintenance"/> over the write side's <c>outbox</c> table through its own EF Core
/// model, so it works on PostgreSQL and SQLite alike (SQLite stores the timestamps as Unix
/// milliseconds, which the model converts) whichever read store the application uses.
/// </summary>
public sealed class EventStoreOutboxMaintenance(EventStoreDbContext db, ITenantContext tenants, TimeProvider time) : IOutboxMaintenance
{
    public async Task<PagedResult<OutboxDeadLetter>> ListDeadLettersAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var plan = DeadLetters().ToListPlan(query, OutboxDeadLetterFields.Map, ListConstraints<OutboxRow>.FromContext(tenants));
        var page = await plan.ExecuteAsync(EfCoreQueryExecutor.Instance, cancellationToken);
        return page.Map(ToDeadLetter);
    }

    public async Task<OutboxDeadLetter?> FindDeadLetterAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var row = await InScope(DeadLetters()).FirstOrDefaultAsync(o => o.MessageId == messageId, cancellationToken);
        return row is null ? null : ToDeadLetter(row);
    }

    public async Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken) =>
        await RedriveAsync(InScope(DeadLetters()).Where(o => o.MessageId == messageId), cancellationToken) > 0;

    public Task<int> RedriveAllAsync(CancellationToken cancellationToken) =>
        RedriveAsync(InScope(DeadLetters()), cancellationToken);

    public Task<int> PurgeProcessedAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = before.ToUniversalTime();
        return db.Outbox
            .Where(o => o.ProcessedAt != null && o.ProcessedAt < cutoff)
            .OrderBy(o => o.Sequence)
            .Take(batchSize)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> RedriveAsync(IQueryable<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        return rows.ExecuteUpdateAsync(
            set => set
                .SetProperty(o => o.DeadLetteredAt, (DateTimeOffset?)null)
                .SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAt, now)
                .SetProperty(o => o.LastError, (string?)null)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    private IQueryable<OutboxRow> DeadLetters() =>
        db.Outbox.AsNoTracking().Where(o => o.DeadLetteredAt != null && o.ProcessedAt == null);

    /// <summary>The ambient tenant's rows; every tenant's in the system scope; none without a tenant (fails closed).</summary>
    private IQueryable<OutboxRow> InScope(IQueryable<OutboxRow> rows) =>
        rows.Constrain(OutboxDeadLetterFields.Map, ListConstraints<OutboxRow>.FromContext(tenants));

    private static OutboxDeadLetter ToDeadLetter(OutboxRow row) => new(
        row.MessageId, row.TenantId, row.Destination, row.PartitionKey, row.Type, row.Attempts, row.LastError, row.CreatedAt, row.DeadLetteredAt!.Value);
}
