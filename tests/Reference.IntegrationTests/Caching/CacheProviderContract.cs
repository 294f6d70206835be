using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Caching;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.IntegrationTests.Caching;

/// <summary>
/// What <c>ICache.GetOrCreateAsync</c> must do on every <c>Caching:Provider</c>, through <c>AddCaching</c> on real
/// servers: one factory call among concurrent readers, tenant-scoped keys and tags, and no stale value stored by a read
/// that raced a write's invalidation. A "node" is a service provider of its own, as another process would have.
/// </summary>
public abstract class CacheProviderContract : IAsyncLifetime
{
    protected static readonly CacheEntryOptions FiveMinutes = new(TimeSpan.FromMinutes(5)) { Tags = ["customer"] };

    private readonly List<ServiceProvider> _nodes = [];

    /// <summary>The configuration naming the provider (<c>Caching:Provider</c>) and its connection string.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Of_20_concurrent_readers_of_a_missing_key_one_runs_the_factory_and_all_get_its_value()
    {
        using var scope = Tenant(NewTenant());
        var cache = NewNode();
        var calls = 0;
        var go = new TaskCompletionSource();

        var readers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await cache.GetOrCreateAsync("customer:1", async token =>
            {
                Interlocked.Increment(ref calls);
                await Task.Delay(200, token);
                return "Ada";
            }, FiveMinutes, Always);
        })).ToArray();
        go.SetResult();
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, calls);
        Assert.All(values, value => Assert.Equal("Ada", value));
    }

    [Fact]
    public async Task A_stored_value_is_served_without_the_factory_until_its_tag_is_invalidated()
    {
        using var scope = Tenant(NewTenant());
        var cache = NewNode();
        var source = new Source("Ada");

        Assert.Equal("Ada", await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        source.Value = "Ada Lovelace";
        Assert.Equal("Ada", await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        await cache.InvalidateTagAsync("customer");

        Assert.Equal("Ada Lovelace", await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task A_value_the_filter_refuses_is_returned_but_not_stored()
    {
        using var scope = Tenant(NewTenant());
        var cache = NewNode();
        var source = new Source("not found");

        await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, value => value != "not found");
        await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, value => value != "not found");

        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task A_failed_result_the_filter_refuses_is_answered_although_it_cannot_be_serialized()
    {
        using var scope = Tenant(NewTenant());
        var cache = NewNode();
        var reads = 0;

        Task<Result<string>> NotFoundAsync(CancellationToken _)
        {
            Interlocked.Increment(ref reads);
            return Task.FromResult(Result<string>.Failure(Error.NotFound("customer", "2")));
        }

        var first = await cache.GetOrCreateAsync("customer:2", NotFoundAsync, FiveMinutes, result => result.IsSuccess);
        var second = await cache.GetOrCreateAsync("customer:2", NotFoundAsync, FiveMinutes, result => result.IsSuccess);

        Assert.Equal(("customer.not_found", "customer.not_found"), (first.Error?.Code, second.Error?.Code));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task The_same_key_in_two_tenants_never_collides_and_one_tenants_invalidation_never_evicts_the_others()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var cache = NewNode();
        var (sourceA, sourceB) = (new Source("A's customer"), new Source("B's customer"));

        Assert.Equal("A's customer", await AsTenant(tenantA, () => cache.GetOrCreateAsync("customer:1", sourceA.ReadAsync, FiveMinutes, Always)));
        Assert.Equal("B's customer", await AsTenant(tenantB, () => cache.GetOrCreateAsync("customer:1", sourceB.ReadAsync, FiveMinutes, Always)));
        await AsTenant(tenantA, async () =>
        {
            await cache.InvalidateTagAsync("customer");
            return 0;
        });
        sourceB.Value = "B's customer, changed";

        Assert.Equal("B's customer", await AsTenant(tenantB, () => cache.GetOrCreateAsync("customer:1", sourceB.ReadAsync, FiveMinutes, Always)));
        Assert.Equal("A's customer", await AsTenant(tenantA, () => cache.GetOrCreateAsync("customer:1", sourceA.ReadAsync, FiveMinutes, Always)));
        Assert.Equal((2, 1), (sourceA.Reads, sourceB.Reads));
    }

    [Fact]
    public async Task A_read_that_started_before_a_committed_write_does_not_leave_its_stale_value_after_the_writes_invalidation()
    {
        using var scope = Tenant(NewTenant());
        var cache = NewNode();
        var source = new Source("Ada");
        var readStarted = new TaskCompletionSource();
        var writeDone = new TaskCompletionSource();

        // The slow read loads the old state, then stalls while the write commits and invalidates the tag.
        var slowRead = cache.GetOrCreateAsync("customer:1", async _ =>
        {
            var loaded = source.Value;
            readStarted.SetResult();
            await writeDone.Task;
            return loaded;
        }, FiveMinutes, Always);
        await readStarted.Task;
        source.Value = "Ada Lovelace";
        await cache.InvalidateTagAsync("customer");
        writeDone.SetResult();

        Assert.Equal("Ada", await slowRead);
        Assert.Equal("Ada Lovelace", await cache.GetOrCreateAsync("customer:1", source.ReadAsync, FiveMinutes, Always));
    }

    /// <summary>A node of its own; without its backplane it plays a node whose eviction messages are late.</summary>
    protected ICache NewNode(bool withBackplane = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ITenantContext>(Tenants);
        if (!withBackplane)
        {
            // AddCaching keeps an IFusionCache registered before it: this one has L1 and the Redis L2, no backplane.
            services.AddSingleton<IFusionCache>(sp =>
            {
                var cache = new FusionCache(new FusionCacheOptions { CacheName = "reference" });
                var serializer = new FusionCacheSystemTextJsonSerializer();
                cache.SetupSerializer(serializer);
                var redis = sp.GetRequiredService<IConnectionMultiplexer>();
                cache.SetupDistributedCache(
                    new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult(redis) })),
                    serializer);
                return cache;
            });
        }

        var node = services.AddCaching(configuration).BuildServiceProvider();
        _nodes.Add(node);
        return node.GetRequiredService<ICache>();
    }

    protected static bool Always(string value) => true;

    protected static Task<T> AsTenant<T>(string tenantId, Func<Task<T>> work) => OutsideAs(tenantId, work);

    /// <summary>The "database" behind the cache: what a factory reads, and how often it was read.</summary>
    protected sealed class Source(string value)
    {
        private int _reads;

        public string Value { get; set; } = value;

        public int Reads => _reads;

        public Task<string> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(Value);
        }
    }
}
