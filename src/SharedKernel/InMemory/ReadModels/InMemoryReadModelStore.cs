using System.Text.Json;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory.ReadModels;

/// <summary>
/// A read model in process memory. Documents are copied in and out (through JSON) so callers
/// never share instances with the store. Deletes leave a tombstone carrying the position, so the
/// position guard still rejects a replayed older event.
/// </summary>
public sealed class InMemoryReadModelStore<TDocument>(ICheckpointStore checkpoints, ITenantContext tenant)
    : IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    private readonly Dictionary<(int Generation, ReadModelKey Key), Entry> _entries = [];
    private readonly Lock _gate = new();
    private int _serving = 1;

    public Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = new ReadModelKey(tenant.RequireTenantId(), id);
        lock (_gate)
        {
            return Task.FromResult(_entries.TryGetValue((_serving, key), out var entry) && entry.Json is not null
                ? Deserialize(entry.Json)
                : null);
        }
    }

    public Task<IReadOnlyList<TDocument>> ListAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<TDocument> result = query(TenantDocuments().AsQueryable()).ToList();
        return Task.FromResult(result);
    }

    public Task<int> CountAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(filter(TenantDocuments().AsQueryable()).Count());
    }

    public Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>> LoadAsync(
        int generation, IReadOnlyCollection<ReadModelKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<ReadModelKey, PositionedDocument<TDocument>>();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_entries.TryGetValue((generation, key), out var entry))
                {
                    found[key] = new PositionedDocument<TDocument>(entry.Json is null ? null : Deserialize(entry.Json), entry.Position);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>>(found);
    }

    public async Task<bool> CommitAsync(ReadModelBatch<TDocument> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // The checkpoint moves first: a worker that lost its lease is stopped before it writes anything.
        if (batch.Checkpoint is { } move && !await checkpoints.TrySaveAsync(move.Next, move.Previous, cancellationToken))
        {
            return false;
        }

        lock (_gate)
        {
            foreach (var write in batch.Writes)
            {
                var slot = (batch.Generation, write.Key);
                LogPosition? stored = _entries.TryGetValue(slot, out var entry) ? entry.Position : null;
                if (!write.IsAcceptedOver(stored))
                {
                    continue;
                }

                if (write.Document is { } document)
                {
                    document.Id = write.Key.Id;
                    document.TenantId = write.Key.TenantId;
                }

                _entries[slot] = new Entry(write.Document is null ? null : JsonSerializer.Serialize(write.Document), write.Position);
            }
        }

        return true;
    }

    public Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_serving);
        }
    }

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _serving = generation;
        }

        return Task.CompletedTask;
    }

    public Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var doomed = _entries.Keys.Where(k => k.Generation == generation).Take(batchSize).ToList();
            foreach (var slot in doomed)
            {
                _entries.Remove(slot);
            }

            return Task.FromResult(doomed.Count);
        }
    }

    private List<TDocument> TenantDocuments()
    {
        var tenantId = tenant.RequireTenantId();
        lock (_gate)
        {
            return _entries
                .Where(e => e.Key.Generation == _serving && e.Key.Key.TenantId == tenantId && e.Value.Json is not null)
                .Select(e => Deserialize(e.Value.Json!))
                .ToList();
        }
    }

    private static TDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<TDocument>(json) ?? throw new InvalidOperationException($"Stored {typeof(TDocument).Name} is null.");

    private sealed record Entry(string? Json, LogPosition Position);
}
