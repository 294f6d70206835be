using System.Collections.Concurrent;

namespace Reference.Infrastructure.Caching;

/// <summary>Tag generations of one process, for the single-node memory cache.</summary>
public sealed class MemoryTagGenerations : ITagGenerations
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public Task<long?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken) =>
        Task.FromResult<long?>(scopedTags.Sum(tag => _generations.GetValueOrDefault(tag)));

    public Task BumpAsync(string scopedTag, CancellationToken cancellationToken)
    {
        _generations.AddOrUpdate(scopedTag, 1, (_, generation) => generation + 1);
        return Task.CompletedTask;
    }
}
