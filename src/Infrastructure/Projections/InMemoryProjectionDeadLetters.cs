namespace Reference.Infrastructure.Projections;

/// <summary>Dead letters in process memory, for the in-memory read store and tests.</summary>
public sealed class InMemoryProjectionDeadLetters : IProjectionDeadLetters
{
    private readonly Dictionary<(string, int, Guid), ProjectionDeadLetter> _byEvent = [];
    private readonly Lock _gate = new();

    public Task AddAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        lock (_gate)
        {
            _byEvent.TryAdd((deadLetter.Projection, deadLetter.Generation, deadLetter.EventId), deadLetter);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProjectionDeadLetter>> ListAsync(
        string? projection, bool includeRedriven, int limit, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ProjectionDeadLetter> list = _byEvent.Values
                .Where(d => (projection is null || d.Projection == projection)
                    && (tenantId is null || d.TenantId == tenantId)
                    && (includeRedriven || d.RedrivenAt is null))
                .OrderBy(d => d.FailedAt)
                .Take(limit)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<ProjectionDeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_byEvent.Values.FirstOrDefault(d => d.Id == id));
        }
    }

    public Task<bool> MarkRedrivenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = _byEvent.FirstOrDefault(e => e.Value.Id == id);
            if (entry.Value is null || entry.Value.RedrivenAt is not null)
            {
                return Task.FromResult(false);
            }

            _byEvent[entry.Key] = entry.Value with { RedrivenAt = at };
            return Task.FromResult(true);
        }
    }
}
