using Reference.IntegrationTests.Redis;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.IntegrationTests.Caching;

public sealed class RedisCacheProviderTests(RedisTestServer redis) : CacheProviderContract, IClassFixture<RedisTestServer>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Caching:Provider"] = "Redis",
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
    };

    [Fact]
    public async Task A_value_cached_by_one_node_is_served_by_another_from_redis_without_its_factory()
    {
        using var scope = Tenant(NewTenant());
        var (nodeA, nodeB) = (NewNode(), NewNode());
        var source = new Source("Ada");

        await nodeA.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always);
        var onB = await nodeB.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always);

        Assert.Equal("Ada", onB);
        Assert.Equal(1, source.Reads);
    }

    [Fact]
    public async Task An_invalidation_on_one_node_is_seen_by_the_next_read_on_another_at_once()
    {
        using var scope = Tenant(NewTenant());
        var (nodeA, nodeB) = (NewNode(), NewNode());
        var source = new Source("Ada");
        await nodeA.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always);
        await nodeB.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always);

        source.Value = "Ada Lovelace";
        await nodeA.InvalidateTagAsync("customer");

        Assert.Equal("Ada Lovelace", await nodeB.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        Assert.Equal("Ada Lovelace", await nodeA.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
    }

    [Fact]
    public async Task A_node_the_backplane_has_not_reached_yet_serves_no_entry_a_write_on_another_node_invalidated()
    {
        using var scope = Tenant(NewTenant());
        var writer = NewNode();
        var lagging = NewNode(withBackplane: false);
        var source = new Source("Ada");

        // An earlier write: the lagging node has seen the tag invalidated once and knows it.
        await writer.InvalidateTagAsync("customer");
        Assert.Equal("Ada", await lagging.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        Assert.Equal("Ada", await lagging.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));

        source.Value = "Ada Lovelace";
        await writer.InvalidateTagAsync("customer");

        Assert.Equal("Ada Lovelace", await lagging.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        Assert.Equal(2, source.Reads);
    }
}
