namespace Reference.SharedKernel.Ports;

/// <summary>
/// A cache of serializable values. Keys are scoped to the ambient tenant by the implementation,
/// so two tenants never share an entry. Tags group entries for invalidation after a write.
/// </summary>
public interface ICache
{
    Task<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default);

    Task SetAsync<T>(string key, T value, CacheEntryOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cache-aside in one call: the cached value, or the factory's, stored when <paramref name="shouldCache"/> accepts it.
    /// Concurrent callers of one key share one factory call where the cache can arrange it, and a value computed while
    /// one of its tags was invalidated is never stored (it may predate the write that invalidated the tag).
    /// </summary>
    Task<T> GetOrCreateAsync<T>(
        string key,
        Func<CancellationToken, Task<T>> factory,
        CacheEntryOptions options,
        Func<T, bool> shouldCache,
        CancellationToken cancellationToken = default);

    Task RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry of the current tenant that was stored with <paramref name="tag"/>.</summary>
    Task InvalidateTagAsync(string tag, CancellationToken cancellationToken = default);
}

/// <summary>A cache lookup: a hit carries the value (which may itself be null).</summary>
public readonly record struct CacheResult<T>(bool Hit, T? Value)
{
    public static CacheResult<T> Miss => default;
}

public sealed record CacheEntryOptions(TimeSpan TimeToLive)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
}
