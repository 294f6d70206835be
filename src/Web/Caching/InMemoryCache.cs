using System.Collections.Concurrent;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Caching;

/// <summary>
/// A process-local <see cref="ICache"/>: entries and tags are prefixed with the ambient tenant. Fine for
/// one node; several nodes need a shared cache (Redis) registered in its place, or they serve stale reads.
/// </summary>
public sealed class InMemoryCache(ITenantContext tenant, TimeProvider clock) : ICache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<CacheResult<T>> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var scoped = Scope(key);
        if (_entries.TryGetValue(scoped, out var entry) && entry.ExpiresAt > clock.GetUtcNow() && entry.Value is T value)
        {
            return Task.FromResult(new CacheResult<T>(true, value));
        }

        return Task.FromResult(CacheResult<T>.Miss);
    }

    public Task SetAsync<T>(string key, T value, CacheEntryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        _entries[Scope(key)] = new Entry(value, clock.GetUtcNow() + options.TimeToLive, [.. options.Tags.Select(Scope)]);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(Scope(key), out _);
        return Task.CompletedTask;
    }

    public Task InvalidateTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        var scopedTag = Scope(tag);
        foreach (var (key, entry) in _entries)
        {
            if (entry.Tags.Contains(scopedTag, StringComparer.Ordinal))
            {
                _entries.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }

    private string Scope(string key) => $"{tenant.TenantId ?? "system"}|{key}";

    private sealed record Entry(object? Value, DateTimeOffset ExpiresAt, string[] Tags);
}
