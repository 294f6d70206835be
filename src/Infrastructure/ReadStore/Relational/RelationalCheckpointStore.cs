using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>Checkpoints in <c>projection_checkpoints</c> (PostgreSQL or SQLite).</summary>
public sealed class RelationalCheckpointStore(IDbContextFactory<ProjectionsDbContext> contexts) : ICheckpointStore
{
    public async Task<Checkpoint?> GetAsync(string projection, int generation, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Checkpoints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Projection == projection && c.Generation == generation, cancellationToken);
        return row is null ? null : CheckpointCommands.ToCheckpoint(row);
    }

    public async Task<IReadOnlyList<Checkpoint>> ListAsync(string? projection = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Checkpoints.AsNoTracking()
            .Where(c => projection == null || c.Projection == projection)
            .OrderBy(c => c.Projection).ThenBy(c => c.Generation)
            .ToListAsync(cancellationToken);
        return rows.Select(CheckpointCommands.ToCheckpoint).ToList();
    }

    public async Task<bool> TryCreateAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Checkpoints.AnyAsync(c => c.Projection == checkpoint.Projection && c.Generation == checkpoint.Generation, cancellationToken))
        {
            return false;
        }

        db.Checkpoints.Add(CheckpointCommands.ToRow(checkpoint));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueKeyViolation.Is(ex))
        {
            // Another node created it between the check and the insert: the primary key decided.
            return false;
        }
    }

    public async Task<Checkpoint?> TryAcquireAsync(
        string projection, int generation, string owner, DateTimeOffset leaseUntil, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = leaseUntil.ToUniversalTime();
        var at = now.ToUniversalTime();
        var taken = await db.Checkpoints
            .Where(c => c.Projection == projection && c.Generation == generation
                && (c.Owner == null || c.Owner == owner || c.LeaseUntil == null || c.LeaseUntil <= at))
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Owner, owner).SetProperty(c => c.LeaseUntil, until).SetProperty(c => c.UpdatedAt, at),
                cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        var row = await db.Checkpoints.AsNoTracking()
            .SingleAsync(c => c.Projection == projection && c.Generation == generation, cancellationToken);
        return CheckpointCommands.ToCheckpoint(row);
    }

    public async Task<bool> TrySaveAsync(Checkpoint next, Checkpoint previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(previous);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CheckpointCommands.TryMoveAsync(db.Checkpoints, next, previous, cancellationToken);
    }
}
