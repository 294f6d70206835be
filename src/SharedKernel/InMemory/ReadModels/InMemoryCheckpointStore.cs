using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.InMemory.ReadModels;

/// <summary>Checkpoints in process memory: the same compare-and-set rules as the database stores, under one lock.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Dictionary<(string Projection, int Generation), Checkpoint> _rows = [];
    private readonly Lock _gate = new();

    public Task<Checkpoint?> GetAsync(string projection, int generation, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault((projection, generation)));
        }
    }

    public Task<IReadOnlyList<Checkpoint>> ListAsync(string? projection = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Checkpoint> list = _rows.Values
                .Where(c => projection is null || c.Projection == projection)
                .OrderBy(c => c.Projection, StringComparer.Ordinal)
                .ThenBy(c => c.Generation)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> TryCreateAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_gate)
        {
            return Task.FromResult(_rows.TryAdd((checkpoint.Projection, checkpoint.Generation), checkpoint));
        }
    }

    public Task<Checkpoint?> TryAcquireAsync(
        string projection, int generation, string owner, DateTimeOffset leaseUntil, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue((projection, generation), out var current) || !current.IsFreeFor(owner, now))
            {
                return Task.FromResult<Checkpoint?>(null);
            }

            var leased = current with { Owner = owner, LeaseUntil = leaseUntil, UpdatedAt = now };
            _rows[(projection, generation)] = leased;
            return Task.FromResult<Checkpoint?>(leased);
        }
    }

    public Task<bool> TrySaveAsync(Checkpoint next, Checkpoint previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(previous);
        lock (_gate)
        {
            var key = (previous.Projection, previous.Generation);
            if (next.Projection != previous.Projection || next.Generation != previous.Generation
                || !_rows.TryGetValue(key, out var stored)
                || stored.Owner != previous.Owner || stored.Position != previous.Position)
            {
                return Task.FromResult(false);
            }

            _rows[key] = next;
            return Task.FromResult(true);
        }
    }
}
