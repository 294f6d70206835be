using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using ZiggyCreatures.Caching.Fusion;

namespace Reference.Infrastructure.Caching;

/// <summary>
/// <see cref="ICache"/> on FusionCache: an in-process L1, and on Redis an L2 plus a backplane that evicts every other
/// node's L1 on a write. Keys and tags are prefixed with the ambient tenant here, so a slice never builds a tenant into
/// a key and one tenant's invalidation never reaches another's entries. Entries of <see cref="GetOrCreateAsync"/> carry
/// the stamp of their tags' generations (<see cref="ITagGenerations"/>): that closes the cache-aside race, and no node
/// serves an entry that a committed write on another node invalidated, even before the backplane reaches it.
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

        // An entry is served only while its tags still have the generations it was computed under. When they cannot
        // be read (Redis down) whatever L1 holds is served: fail-safe, not failure.
        var current = await generations.StampAsync(scopedTags, cancellationToken);
        var found = await cache.TryGetAsync<StampedEntry<T>>(scopedKey, token: cancellationToken);
        if (found.HasValue && found.Value.Stamp != StampedEntry<T>.NotCached && (current is null || found.Value.Stamp == current))
        {
            return found.Value.Value;
        }

        if (found.HasValue)
        {
            // Computed before a write that invalidated one of its tags (the backplane may not have evicted it yet).
            await cache.RemoveAsync(scopedKey, token: cancellationToken);
        }

        // FusionCache runs one factory per key on this node; the other readers wait for its value. A value that must
        // not be cached never enters the entry (it may not even be serializable, like a failed result): the caller
        // that computed it returns it, and a reader that waited for it computes its own.
        var computed = false;
        T uncached = default!;
        var entry = await cache.GetOrSetAsync<StampedEntry<T>>(
            scopedKey,
            async (context, token) =>
            {
                var before = await generations.StampAsync(scopedTags, token);
                var fresh = await factory(token);
                if (before is null || !shouldCache(fresh) || await generations.StampAsync(scopedTags, token) != before)
                {
                    context.Options.SkipMemoryCacheWrite = true;
                    context.Options.SkipDistributedCacheWrite = true;
                    context.Options.SkipBackplaneNotifications = true;
                    (computed, uncached) = (true, fresh);
                    return new StampedEntry<T>(StampedEntry<T>.NotCached, default!);
                }

                return new StampedEntry<T>(before, fresh);
            },
            EntryOptions(options),
            scopedTags,
            cancellationToken);
        if (entry.Stamp != StampedEntry<T>.NotCached)
        {
            return entry.Value;
        }

        return computed ? uncached : await factory(cancellationToken);
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
