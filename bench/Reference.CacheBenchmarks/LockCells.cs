using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Locks;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.CacheBenchmarks;

/// <summary>
/// Acquire + release through <see cref="IDistributedLock"/> as <c>AddLocks</c> registers it, one node (service provider)
/// per provider. A call takes the lock with <see cref="DistributedLockExtensions.AcquireAsync"/> (waiting for a
/// holder as callers do) and releases it by disposing the lease; a lock not taken within the timeout is an error.
/// </summary>
public sealed class LockCells(ITenantContext tenants, string redis, string postgres) : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] WorkerResources = [.. Enumerable.Range(0, 64).Select(i => $"bench:worker-{i}")];

    private readonly List<ServiceProvider> _nodes = [];

    public IReadOnlyList<(string Name, IDistributedLock Locks)> Providers { get; private set; } = [];

    public void Start() => Providers =
    [
        ("Memory", NewNode(new() { ["Locks:Provider"] = "Memory" })),
        ("Redis", NewNode(new() { ["Locks:Provider"] = "Redis", ["ConnectionStrings:Redis"] = redis })),
        ("Postgres", NewNode(new() { ["Locks:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = postgres })),
    ];

    /// <summary>One acquire + release of the worker's own resource, or of the one resource all workers share.</summary>
    public static async Task<Outcome> AcquireReleaseAsync(IDistributedLock locks, int worker, bool shared)
    {
        await using var lease = await locks.AcquireAsync(shared ? "bench:shared" : WorkerResources[worker], Lease, Timeout);
        return lease is null ? Outcome.Error : Outcome.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private IDistributedLock NewNode(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var node = new ServiceCollection()
            .AddLogging()
            .AddSingleton(tenants)
            .AddLocks(configuration)
            .BuildServiceProvider();
        _nodes.Add(node);
        return node.GetRequiredService<IDistributedLock>();
    }
}
