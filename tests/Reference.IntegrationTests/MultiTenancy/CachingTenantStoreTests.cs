using Microsoft.Extensions.Time.Testing;
using Reference.Infrastructure.MultiTenancy;

namespace Reference.IntegrationTests.MultiTenancy;

/// <summary>The cache's bound (made-up ids cannot grow it without limit) and its invalidation.</summary>
public sealed class CachingTenantStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingStore _inner = new();

    [Fact]
    public async Task When_full_new_ids_go_to_the_store_uncached_until_entries_expire()
    {
        var options = new TenantCacheOptions { MaxEntries = 2, MissDuration = TimeSpan.FromSeconds(30) };
        var store = new CachingTenantStore(_inner, _time, options);
        await store.FindAsync("probe-1");
        await store.FindAsync("probe-2");

        await store.FindAsync("probe-3");
        await store.FindAsync("probe-3");
        Assert.Equal(4, _inner.Lookups);

        _time.Advance(options.MissDuration);
        await store.FindAsync("probe-3");
        await store.FindAsync("probe-3");
        Assert.Equal(5, _inner.Lookups);
    }

    [Fact]
    public async Task A_forgotten_miss_is_looked_up_again_at_once()
    {
        var store = new CachingTenantStore(_inner, _time, new TenantCacheOptions { MissDuration = TimeSpan.FromMinutes(5) });
        await store.FindAsync("newco");
        await store.FindAsync("NEWCO");
        Assert.Equal(1, _inner.Lookups);

        store.Forget("NewCo");
        await store.FindAsync("newco");

        Assert.Equal(2, _inner.Lookups);
    }

    private sealed class RecordingStore : ITenantStore
    {
        public int Lookups { get; private set; }

        public ValueTask<TenantInfo?> FindAsync(string tenantId, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return ValueTask.FromResult<TenantInfo?>(null);
        }
    }
}
