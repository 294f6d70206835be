using System.Text.Json;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="ICache"/> in memory. Values are stored as JSON, as a distributed cache would, so a cached
/// object never aliases the caller's; entries expire by the given clock; keys and tags are per tenant.
/// </summary>
public sealed class InMemoryCache(ITenantContext tenants, TimeProvider? timeProvider = null) : ICache
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _tagGenerations = new(StringComparer.Ordinal);

    public Task<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var scopedKey = TenantKeys.Scoped(tenants, key);
        lock (_gate)
        {
            if (!_entries.TryGetValue(scopedKey, out var entry))
            {
                return Task.FromResult(CacheResult<T>.Miss);
            }

            if (entry.ExpiresAt <= _time.GetUtcNow())
            {
                _entries.Remove(scopedKey);
                return Task.FromResult(CacheResult<T>.Miss);
            }

            return Task.FromResult(new CacheResult<T>(true, JsonSerializer.Deserialize<T>(entry.Json, JsonSerializerOptions.Web)));
        }
    }

    public Task SetAsync<T>(string key, T value, CacheEntryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TimeToLive, TimeSpan.Zero);
        var scopedKey = TenantKeys.Scoped(tenants, key);
        var entry = new Entry(
            JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            _time.GetUtcNow() + options.TimeToLive,
            options.Tags.ToHashSet(StringComparer.Ordinal));
        lock (_gate)
        {
            _entries[scopedKey] = entry;
        }

        return Task.CompletedTask;
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
        var cached = await GetAsync<T>(key, cancellationToken);
        if (cached.Hit)
        {
            return cached.Value!;
        }

        var stamp = Stamp(options.Tags);
        var value = await factory(cancellationToken);

        // A tag invalidated while the value was computed means the value may predate that write: not stored.
        if (shouldCache(value) && Stamp(options.Tags) == stamp)
        {
            await SetAsync(key, value, options, cancellationToken);
            if (Stamp(options.Tags) != stamp)
            {
                await RemoveAsync(key, cancellationToken);
            }
        }

        return value;
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        var scopedKey = TenantKeys.Scoped(tenants, key);
        lock (_gate)
        {
            _entries.Remove(scopedKey);
        }

        return Task.CompletedTask;
    }

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var prefix = TenantKeys.Prefix(tenants);
        lock (_gate)
        {
            _tagGenerations[prefix + tag] = _tagGenerations.GetValueOrDefault(prefix + tag) + 1;
            var tagged = _entries
                .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal) && pair.Value.Tags.Contains(tag))
                .Select(pair => pair.Key)
                .ToList();
            foreach (var key in tagged)
            {
                _entries.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private long Stamp(IReadOnlyList<string> tags)
    {
        var prefix = TenantKeys.Prefix(tenants);
        lock (_gate)
        {
            return tags.Sum(tag => _tagGenerations.GetValueOrDefault(prefix + tag));
        }
    }

    private sealed record Entry(string Json, DateTimeOffset ExpiresAt, HashSet<string> Tags);
}
