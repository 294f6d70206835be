using System.Collections.Concurrent;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// Remembers another store's answers for a while, unknown ids included (for a shorter while), so
/// tenant resolution costs no database round trip per request. Ids are compared case-insensitively.
/// </summary>
public sealed class CachingTenantStore(ITenantStore inner, TimeProvider time, TenantCacheOptions options) : ITenantStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Tenant;
        }

        var tenant = await inner.FindAsync(tenantId, cancellationToken);
        Remember(tenantId, new Entry(tenant, now + (tenant is null ? options.MissDuration : options.Duration)), now);
        return tenant;
    }

    /// <summary>
    /// Drops what is remembered about <paramref name="tenantId"/> (a miss included), so the next
    /// lookup reads the store: called once a change to that tenant has committed.
    /// </summary>
    public void Forget(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        _entries.TryRemove(tenantId, out _);
    }

    private void Remember(string tenantId, Entry entry, DateTimeOffset now)
    {
        if (_entries.Count >= options.MaxEntries && !_entries.ContainsKey(tenantId))
        {
            foreach (var (key, existing) in _entries)
            {
                if (existing.ExpiresAt <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= options.MaxEntries)
            {
                return;
            }
        }

        _entries[tenantId] = entry;
    }

    private sealed record Entry(TenantInfo? Tenant, DateTimeOffset ExpiresAt);
}
