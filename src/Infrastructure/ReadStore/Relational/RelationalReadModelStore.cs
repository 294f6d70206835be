using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// A read model in its own table (PostgreSQL or SQLite). A projection batch is one transaction:
/// the checkpoint compare-and-set first (which also locks the checkpoint row, serialising any
/// two workers), then the position-guarded document changes. A rejected move rolls everything back.
/// A delete keeps the row as a tombstone (<c>deleted</c>) so its position still guards replays.
/// Generations share the table, told apart by the <c>generation</c> key column; the serving one is
/// a row of <c>read_model_generations</c>, switched in one UPDATE.
/// </summary>
public sealed class RelationalReadModelStore<TDocument>(IDbContextFactory<ReadModelDbContext> contexts, ITenantContext tenant)
    : IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    private static readonly string ReadModelName = ReadModelCatalog.TableOf(typeof(TDocument));

    public async Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.RequireTenantId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var generation = await ServingAsync(db, cancellationToken);
        return await Documents(db, generation)
            .SingleOrDefaultAsync(d => d.TenantId == tenantId && d.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<TDocument>> ListAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tenantId = tenant.RequireTenantId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var generation = await ServingAsync(db, cancellationToken);
        return await query(Documents(db, generation).Where(d => d.TenantId == tenantId)).ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tenantId = tenant.RequireTenantId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var generation = await ServingAsync(db, cancellationToken);
        return await filter(Documents(db, generation).Where(d => d.TenantId == tenantId)).CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>> LoadAsync(
        int generation, IReadOnlyCollection<ReadModelKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await LoadRowsAsync(db, generation, keys, tracked: true, cancellationToken);
        return rows.ToDictionary(
            r => r.Key,
            r => new PositionedDocument<TDocument>(IsDeleted(db, r.Value) ? null : r.Value, PositionOf(db, r.Value)));
    }

    public async Task<bool> CommitAsync(ReadModelBatch<TDocument> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (batch.Checkpoint is { } move
                && !await CheckpointCommands.TryMoveAsync(db.Checkpoints, move.Next, move.Previous, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            var stored = await LoadRowsAsync(db, batch.Generation, batch.Writes.Select(w => w.Key).Distinct().ToList(), tracked: true, cancellationToken);
            foreach (var write in batch.Writes)
            {
                Apply(db, batch.Generation, write, stored);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    public async Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ServingAsync(db, cancellationToken);
    }

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.ServingGenerations
            .Where(g => g.ReadModel == ReadModelName)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Generation, generation), cancellationToken);
        if (updated == 0)
        {
            db.ServingGenerations.Add(new ServingGenerationRow { ReadModel = ReadModelName, Generation = generation });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var doomed = await db.Set<TDocument>()
            .Where(d => EF.Property<int>(d, ReadModelDbContext.Generation) == generation)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        db.Set<TDocument>().RemoveRange(doomed);
        await db.SaveChangesAsync(cancellationToken);
        return doomed.Count;
    }

    private static IQueryable<TDocument> Documents(ReadModelDbContext db, int generation) =>
        db.Set<TDocument>().AsNoTracking().Where(d =>
            EF.Property<int>(d, ReadModelDbContext.Generation) == generation && !EF.Property<bool>(d, ReadModelDbContext.Deleted));

    private static async Task<int> ServingAsync(ReadModelDbContext db, CancellationToken cancellationToken) =>
        await db.ServingGenerations.AsNoTracking()
            .Where(g => g.ReadModel == ReadModelName)
            .Select(g => (int?)g.Generation)
            .SingleOrDefaultAsync(cancellationToken) ?? 1;

    private static async Task<Dictionary<ReadModelKey, TDocument>> LoadRowsAsync(
        ReadModelDbContext db, int generation, IReadOnlyCollection<ReadModelKey> keys, bool tracked, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        // Ids first (index-friendly IN list), tenants checked in memory: the key is (tenant, id).
        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var source = tracked ? db.Set<TDocument>() : db.Set<TDocument>().AsNoTracking();
        var rows = await source
            .Where(d => EF.Property<int>(d, ReadModelDbContext.Generation) == generation && ids.Contains(d.Id))
            .ToListAsync(cancellationToken);
        var wanted = keys.ToHashSet();
        return rows
            .Select(r => (Key: new ReadModelKey(r.TenantId, r.Id), Row: r))
            .Where(r => wanted.Contains(r.Key))
            .ToDictionary(r => r.Key, r => r.Row);
    }

    private static bool IsDeleted(ReadModelDbContext db, TDocument row) =>
        (bool)db.Entry(row).Property(ReadModelDbContext.Deleted).CurrentValue!;

    private static LogPosition PositionOf(ReadModelDbContext db, TDocument row)
    {
        var entry = db.Entry(row);
        return new LogPosition(
            (long)entry.Property(ReadModelDbContext.LastTransactionId).CurrentValue!,
            (long)entry.Property(ReadModelDbContext.LastPosition).CurrentValue!);
    }

    private static void Apply(ReadModelDbContext db, int generation, ReadModelWrite<TDocument> write, Dictionary<ReadModelKey, TDocument> stored)
    {
        var existing = stored.GetValueOrDefault(write.Key);
        if (!write.IsAcceptedOver(existing is null ? null : PositionOf(db, existing)))
        {
            return;
        }

        if (write.Document is null)
        {
            if (existing is not null)
            {
                var tombstone = db.Entry(existing);
                tombstone.Property(ReadModelDbContext.Deleted).CurrentValue = true;
                SetPosition(tombstone, write.Position);
            }

            return;
        }

        write.Document.Id = write.Key.Id;
        write.Document.TenantId = write.Key.TenantId;
        if (existing is null)
        {
            var entry = db.Add(write.Document);
            entry.Property(ReadModelDbContext.Generation).CurrentValue = generation;
            SetPosition(entry, write.Position);
            stored[write.Key] = write.Document;
        }
        else
        {
            var entry = db.Entry(existing);
            entry.CurrentValues.SetValues(write.Document);
            entry.Property(ReadModelDbContext.Deleted).CurrentValue = false;
            SetPosition(entry, write.Position);
        }
    }

    private static void SetPosition(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TDocument> entry, LogPosition position)
    {
        entry.Property(ReadModelDbContext.LastTransactionId).CurrentValue = position.TransactionId;
        entry.Property(ReadModelDbContext.LastPosition).CurrentValue = position.Position;
    }
}
