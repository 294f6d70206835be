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
}
