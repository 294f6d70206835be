using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>Projection dead letters in <c>projection_dead_letters</c>; unique per (projection, generation, event).</summary>
public sealed class RelationalProjectionDeadLetters(IDbContextFactory<ProjectionsDbContext> contexts) : IProjectionDeadLetters
{
    public async Task AddAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.DeadLetters.AnyAsync(
                d => d.Projection == deadLetter.Projection && d.Generation == deadLetter.Generation && d.EventId == deadLetter.EventId,
                cancellationToken))
        {
            return;
        }

        db.DeadLetters.Add(new DeadLetterRow
        {
            Id = deadLetter.Id,
            Projection = deadLetter.Projection,
            Generation = deadLetter.Generation,
            TenantId = deadLetter.TenantId,
            EventId = deadLetter.EventId,
            EventType = deadLetter.EventType,
            StreamId = deadLetter.StreamId,
            TransactionId = deadLetter.Position.TransactionId,
            Position = deadLetter.Position.Position,
            Error = deadLetter.Error,
            Attempts = deadLetter.Attempts,
            FailedAt = deadLetter.FailedAt.ToUniversalTime(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueKeyViolation.Is(ex))
        {
            // The same event was dead-lettered concurrently by a retried batch: one row is enough.
        }
    }

    public async Task<IReadOnlyList<ProjectionDeadLetter>> ListAsync(
        string? projection, bool includeRedriven, int limit, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeadLetters.AsNoTracking()
            .Where(d => (projection == null || d.Projection == projection)
                && (tenantId == null || d.TenantId == tenantId)
                && (includeRedriven || d.RedrivenAt == null))
            .OrderBy(d => d.TransactionId).ThenBy(d => d.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToDeadLetter).ToList();
    }

    public async Task<ProjectionDeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToDeadLetter(row);
    }

    public async Task<bool> MarkRedrivenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var when = at.ToUniversalTime();
        return await db.DeadLetters
            .Where(d => d.Id == id && d.RedrivenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RedrivenAt, when), cancellationToken) == 1;
    }

    private static ProjectionDeadLetter ToDeadLetter(DeadLetterRow row) => new(
        row.Id, row.Projection, row.Generation, row.TenantId, row.EventId, row.EventType, row.StreamId,
        new LogPosition(row.TransactionId, row.Position), row.Error, row.Attempts, row.FailedAt, row.RedrivenAt);
}
