using System.Collections.Concurrent;
using System.Globalization;

namespace Reference.Infrastructure.Caching;

/// <summary>Tag generations of one process, for the single-node memory cache.</summary>
public sealed class MemoryTagGenerations : ITagGenerations
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    // Counters only grow, so their sum changes whenever one of them does.
    public Task<string?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(scopedTags.Sum(tag => _generations.GetValueOrDefault(tag)).ToString(CultureInfo.InvariantCulture));

    public Task BumpAsync(string scopedTag, CancellationToken cancellationToken)
    {
        _generations.AddOrUpdate(scopedTag, 1, (_, generation) => generation + 1);
        return Task.CompletedTask;
    }
}
