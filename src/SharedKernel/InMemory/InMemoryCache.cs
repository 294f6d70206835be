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

    private sealed record Entry(string Json, DateTimeOffset ExpiresAt, HashSet<string> Tags);
}
