using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Caching;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.CacheBenchmarks;

/// <summary>
/// Cache hits through <see cref="ICache.GetOrCreateAsync"/> as <c>AddCaching</c> registers it, on three nodes (each a
/// service provider of its own, as a process would be): one on <c>Caching:Provider=Memory</c> and two on
/// <c>Redis</c>. A call whose factory runs is a miss, so it counts as an error and voids the run.
/// </summary>
public sealed class CacheCells(ITenantContext tenants, string redis) : IAsyncDisposable
{
    private const int HotKeys = 256;
    private static readonly CacheEntryOptions Entry = new(TimeSpan.FromMinutes(30)) { Tags = ["customer"] };

    private readonly List<ServiceProvider> _nodes = [];
    private readonly string[] _hotKeys = [.. Enumerable.Range(0, HotKeys).Select(i => $"customer:{i}")];
    private readonly CachedCustomer[] _hotValues = [.. Enumerable.Range(0, HotKeys).Select(NewCustomer)];
    private int _batch;

    public ICache Memory { get; private set; } = null!;

    /// <summary>The node whose L1 is read in the Redis L1 cell, and the writer of the entries the L2 cell reads.</summary>
    public ICache RedisWriter { get; private set; } = null!;

    /// <summary>A node that never reads an entry twice in the L2 cell, so every read misses its L1 and goes to Redis.</summary>
    public ICache RedisReader { get; private set; } = null!;

    public async Task StartAsync()
    {
        Memory = NewNode(new() { ["Caching:Provider"] = "Memory" });
        RedisWriter = NewNode(new() { ["Caching:Provider"] = "Redis", ["ConnectionStrings:Redis"] = redis });
        RedisReader = NewNode(new() { ["Caching:Provider"] = "Redis", ["ConnectionStrings:Redis"] = redis });

        // Fills the L1 of the two nodes whose L1 hits are measured (and L2 with the Redis node's entries).
        for (var i = 0; i < HotKeys; i++)
        {
            await Memory.GetOrCreateAsync(_hotKeys[i], _ => Task.FromResult(_hotValues[i]), Entry, Always);
            await RedisWriter.GetOrCreateAsync(_hotKeys[i], _ => Task.FromResult(_hotValues[i]), Entry, Always);
        }
    }

    /// <summary>A call that must hit <paramref name="cache"/>'s L1: the hot keys were stored on that very node.</summary>
    public async Task<Outcome> L1HitAsync(ICache cache, int call)
    {
        var index = call % HotKeys;
        var missed = false;
        var value = await cache.GetOrCreateAsync(
            _hotKeys[index],
            _ =>
            {
                missed = true;
                return Task.FromResult(_hotValues[index]);
            },
            Entry,
            Always);
        return !missed && value.Id == _hotValues[index].Id ? Outcome.Ok : Outcome.Error;
    }

    /// <summary>
    /// Writes <paramref name="count"/> new entries through the writer node (L1 of the writer, L2, a backplane message
    /// to the reader) and returns their keys and values. The reader has never read them, so its L1 holds none of them.
    /// </summary>
    public async Task<L2Keys> WriteForL2Async(int count, int workers)
    {
        var batch = Interlocked.Increment(ref _batch);
        var keys = new string[count];
        var values = new CachedCustomer[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                keys[i] = $"l2:{batch}:{i}";
                values[i] = NewCustomer(i);
                var index = i;
                await RedisWriter.GetOrCreateAsync(keys[i], _ => Task.FromResult(values[index]), Entry, Always);
            }
        })));
        return new L2Keys(keys, values);
    }

    /// <summary>Reads the next entry of <paramref name="keys"/> on the reader node: an L1 miss, then a hit in Redis.</summary>
    public async Task<Outcome> L2HitAsync(L2Keys keys)
    {
        var index = keys.Next();
        if (index >= keys.Keys.Length)
        {
            return Outcome.Exhausted;
        }

        var missed = false;
        var value = await RedisReader.GetOrCreateAsync(
            keys.Keys[index],
            _ =>
            {
                missed = true;
                return Task.FromResult(keys.Values[index]);
            },
            Entry,
            Always);
        return !missed && value.Id == keys.Values[index].Id ? Outcome.Ok : Outcome.Error;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static bool Always(CachedCustomer value) => true;

    private static CachedCustomer NewCustomer(int i) =>
        new(Guid.NewGuid(), $"Customer {i}", $"customer{i}@example.com", i);

    private ICache NewNode(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var node = new ServiceCollection()
            .AddLogging()
            .AddSingleton(tenants)
            .AddCaching(configuration)
            .BuildServiceProvider();
        _nodes.Add(node);
        return node.GetRequiredService<ICache>();
    }
}

/// <summary>Entries written for one L2 cell; each is read once, in order, by whichever worker comes next.</summary>
public sealed class L2Keys(string[] keys, CachedCustomer[] values)
{
    private int _next = -1;

    public string[] Keys { get; } = keys;

    public CachedCustomer[] Values { get; } = values;

    public int Next() => Interlocked.Increment(ref _next);
}
