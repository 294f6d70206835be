using Reference.SharedKernel.Ports;

namespace Reference.LoadDriver;

/// <summary>The uncached contender: every read misses and runs its query, nothing is stored.</summary>
public sealed class PassThroughCache : ICache
{
    public Task<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default) => Task.FromResult(CacheResult<T>.Miss);

    public Task SetAsync<T>(string key, T value, CacheEntryOptions options, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<T> GetOrCreateAsync<T>(
        string key,
        Func<CancellationToken, Task<T>> factory,
        CacheEntryOptions options,
        Func<T, bool> shouldCache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory(cancellationToken);
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
