using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Caching;

/// <summary>The behaviour every <see cref="ICache"/> must have. Subclass it and implement <see cref="PortContract{TPort}.CreatePortAsync"/>.</summary>
public abstract class CacheContractTests : PortContract<ICache>
{
    private static readonly CacheEntryOptions FiveMinutes = new(TimeSpan.FromMinutes(5));

    [Fact]
    public async Task A_stored_value_is_a_hit_and_an_unknown_key_a_miss()
    {
        using var scope = Tenant(NewTenant());
        await Port.SetAsync("price:1", new CachedPrice("EUR", 12.5m), FiveMinutes);

        Assert.Equal(new CacheResult<CachedPrice>(true, new CachedPrice("EUR", 12.5m)), await Port.GetAsync<CachedPrice>("price:1"));
        Assert.False((await Port.GetAsync<CachedPrice>("price:2")).Hit);
    }

    [Fact]
    public async Task A_cached_null_is_a_hit_not_a_miss()
    {
        using var scope = Tenant(NewTenant());
        await Port.SetAsync<CachedPrice?>("price:none", null, FiveMinutes);

        var result = await Port.GetAsync<CachedPrice?>("price:none");

        Assert.True(result.Hit);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task The_cache_holds_a_copy_not_the_callers_object()
    {
        using var scope = Tenant(NewTenant());
        var basket = new List<string> { "apple" };
        await Port.SetAsync("basket", basket, FiveMinutes);

        basket.Add("pear");

        Assert.Equal(["apple"], (await Port.GetAsync<List<string>>("basket")).Value);
    }

    [Fact]
    public async Task An_entry_expires_after_its_time_to_live()
    {
        using var scope = Tenant(NewTenant());
        await Port.SetAsync("k", 1, FiveMinutes);

        Time.Advance(TimeSpan.FromMinutes(4));
        Assert.True((await Port.GetAsync<int>("k")).Hit);
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await Port.GetAsync<int>("k")).Hit);
    }

    [Fact]
    public async Task Removing_and_overwriting_take_effect_at_once()
    {
        using var scope = Tenant(NewTenant());
        await Port.SetAsync("k", 1, FiveMinutes);
        await Port.SetAsync("k", 2, FiveMinutes);
        Assert.Equal(2, (await Port.GetAsync<int>("k")).Value);

        await Port.RemoveAsync("k");

        Assert.False((await Port.GetAsync<int>("k")).Hit);
    }

    [Fact]
    public async Task Invalidating_a_tag_removes_exactly_the_entries_stored_with_it()
    {
        using var scope = Tenant(NewTenant());
        await Port.SetAsync("product:1", 1, FiveMinutes with { Tags = ["products", "product:1"] });
        await Port.SetAsync("product:2", 2, FiveMinutes with { Tags = ["products"] });
        await Port.SetAsync("order:1", 3, FiveMinutes with { Tags = ["orders"] });

        await Port.InvalidateTagAsync("products");

        Assert.False((await Port.GetAsync<int>("product:1")).Hit);
        Assert.False((await Port.GetAsync<int>("product:2")).Hit);
        Assert.True((await Port.GetAsync<int>("order:1")).Hit);
    }

    [Fact]
    public async Task Tenants_never_share_entries_or_tags()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        using (Tenant(tenantA))
        {
            await Port.SetAsync("k", "a", FiveMinutes with { Tags = ["t"] });
        }

        using (Tenant(tenantB))
        {
            Assert.False((await Port.GetAsync<string>("k")).Hit);
            await Port.SetAsync("k", "b", FiveMinutes with { Tags = ["t"] });
            await Port.InvalidateTagAsync("t");
            await Port.RemoveAsync("k");
        }

        using (Tenant(tenantA))
        {
            Assert.Equal("a", (await Port.GetAsync<string>("k")).Value);
        }
    }

    [Fact]
    public async Task The_cache_needs_a_tenant()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.GetAsync<int>("k"));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.SetAsync("k", 1, FiveMinutes));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.InvalidateTagAsync("t"));
    }

    [Fact]
    public async Task Get_or_create_stores_what_the_filter_accepts_and_serves_it_without_the_factory()
    {
        using var scope = Tenant(NewTenant());
        var calls = 0;
        Task<int> Factory(CancellationToken _) => Task.FromResult(++calls);

        Assert.Equal(1, await Port.GetOrCreateAsync("refused", Factory, FiveMinutes, _ => false));
        Assert.Equal(2, await Port.GetOrCreateAsync("refused", Factory, FiveMinutes, _ => false));
        Assert.Equal(3, await Port.GetOrCreateAsync("kept", Factory, FiveMinutes, _ => true));
        Assert.Equal(3, await Port.GetOrCreateAsync("kept", Factory, FiveMinutes, _ => true));
    }

    [Fact]
    public async Task Get_or_create_never_stores_a_value_computed_while_its_tag_was_invalidated()
    {
        using var scope = Tenant(NewTenant());
        var options = FiveMinutes with { Tags = ["customer"] };

        // The read loaded the old state; the write's invalidation lands before the read stores it.
        var stale = await Port.GetOrCreateAsync("customer:1", async token =>
        {
            await Port.InvalidateTagAsync("customer", token);
            return "old";
        }, options, _ => true);

        Assert.Equal("old", stale);
        Assert.Equal("new", await Port.GetOrCreateAsync("customer:1", _ => Task.FromResult("new"), options, _ => true));
    }

    public sealed record CachedPrice(string Currency, decimal Amount);
}
