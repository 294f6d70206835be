using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using ZiggyCreatures.Caching.Fusion;

namespace Reference.Infrastructure.Caching;

/// <summary>
/// <see cref="ICache"/> on FusionCache: an in-process L1, and on Redis an L2 plus a backplane that evicts every other
/// node's L1 on a write. Keys and tags are prefixed with the ambient tenant here, so a slice never builds a tenant into
/// a key and one tenant's invalidation never reaches another's entries. Tag generations close the cache-aside race.
/// </summary>
public sealed class FusionTenantCache(IFusionCache cache, ITagGenerations generations, ITenantContext tenants) : ICache
{
    public async Task<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var found = await cache.TryGetAsync<T>(TenantKeys.Scoped(tenants, key), token: cancellationToken);
        return found.HasValue ? new CacheResult<T>(true, found.Value) : CacheResult<T>.Miss;
    }

    public async Task SetAsync<T>(string key, T value, CacheEntryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TimeToLive, TimeSpan.Zero);
        await cache.SetAsync(TenantKeys.Scoped(tenants, key), value, EntryOptions(options), ScopedTags(options), cancellationToken);
    }

    public async Task<T> GetOrCreateAsync<T>(
        string key,
        Func<CancellationToken, Task<T>> factory,
        CacheEntryOptions options,
        Func<T, bool> shouldCache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(shouldCache);
        var scopedKey = TenantKeys.Scoped(tenants, key);
        var scopedTags = ScopedTags(options);
        long? stampBefore = null;
        var produced = false;

        // FusionCache runs one factory per key on this node; the others wait for its value.
        var value = await cache.GetOrSetAsync<T>(
            scopedKey,
            async (context, token) =>
            {
                stampBefore = await generations.StampAsync(scopedTags, token);
                var fresh = await factory(token);
                produced = true;
                if (stampBefore is null || !shouldCache(fresh) || await generations.StampAsync(scopedTags, token) != stampBefore)
                {
                    context.Options.SkipMemoryCacheWrite = true;
                    context.Options.SkipDistributedCacheWrite = true;
                    context.Options.SkipBackplaneNotifications = true;
                    stampBefore = null;
                }

                return fresh;
            },
            EntryOptions(options),
            scopedTags,
            cancellationToken);

        // An invalidation between the check above and the store would not see the new entry: look once more.
        if (produced && stampBefore is not null && await generations.StampAsync(scopedTags, cancellationToken) != stampBefore)
        {
            await cache.RemoveAsync(scopedKey, token: cancellationToken);
        }

        return value;
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        await cache.RemoveAsync(TenantKeys.Scoped(tenants, key), token: cancellationToken);

    public async Task InvalidateTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var scopedTag = TenantKeys.Scoped(tenants, tag);
        await generations.BumpAsync(scopedTag, cancellationToken);
        await cache.RemoveByTagAsync(scopedTag, token: cancellationToken);
    }

    private string[] ScopedTags(CacheEntryOptions options) => [.. options.Tags.Select(tag => TenantKeys.Scoped(tenants, tag))];

    private FusionCacheEntryOptions EntryOptions(CacheEntryOptions options)
    {
        var entry = cache.DefaultEntryOptions.Duplicate();
        entry.Duration = options.TimeToLive;
        return entry;
    }
}
