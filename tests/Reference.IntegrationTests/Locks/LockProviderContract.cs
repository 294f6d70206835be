using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reference.Infrastructure.Locks;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.IntegrationTests.Locks;

/// <summary>
/// What every <c>Locks:Provider</c> must do, on real servers and the real clock, through <c>AddLocks</c>. A "node" is a
/// service provider of its own (its own Redis connection or PostgreSQL pool), as another process would have; the
/// memory provider has one node only. Fenced writes go to PostgreSQL (<paramref name="store"/>) whatever the provider.
/// </summary>
public abstract class LockProviderContract(string store) : IAsyncLifetime
{
    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);

    // Renewal tests wait between renewals: a lease several times the wait keeps them true on a machine that stalls
    // for a second or two (CI runs several suites at once), while the test still outlives the first lease.
    private static readonly TimeSpan RenewedLease = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<ServiceProvider> _nodes = [];
    private NpgsqlDataSource? _store;

    /// <summary>The configuration naming the provider (<c>Locks:Provider</c>) and its connection string.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>False for the memory provider: its locks live in one process, so every "node" is the same one.</summary>
    protected virtual bool HasSeparateNodes => true;

    private NpgsqlDataSource Store => _store ?? throw new InvalidOperationException("Created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _store = NpgsqlDataSource.Create(store);
        await using var command = Store.CreateCommand("CREATE TABLE IF NOT EXISTS fenced_document (resource text PRIMARY KEY, written_by text NOT NULL)");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Of_20_concurrent_contenders_one_holds_the_lock_at_a_time_each_gets_it_and_tokens_grow_in_that_order()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var nodes = Enumerable.Range(0, 4).Select(_ => NewNode()).ToArray();
        var holders = 0;
        var overlaps = 0;
        var tokensInHoldingOrder = new ConcurrentQueue<long>();

        var acquired = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var lease = await nodes[i % nodes.Length].AcquireAsync(resource, LongLease, TimeSpan.FromSeconds(60));
            if (lease is null)
            {
                return false;
            }

            if (Interlocked.Increment(ref holders) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            tokensInHoldingOrder.Enqueue(lease.FencingToken);
            await Task.Delay(5);
            Interlocked.Decrement(ref holders);
            return true;
        })));

        Assert.All(acquired, Assert.True);
        Assert.Equal(0, overlaps);
        AssertStrictlyIncreasing([.. tokensInHoldingOrder]);
    }

    [Fact]
    public async Task Acquiring_a_held_lock_gives_up_after_the_timeout_with_no_lease()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        await using var held = await NewNode().TryAcquireAsync(resource, LongLease);
        Assert.NotNull(held);

        var clock = Stopwatch.StartNew();
        var contender = await NewNode().AcquireAsync(resource, LongLease, TimeSpan.FromMilliseconds(300));

        Assert.Null(contender);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(290), Patience);
    }

    [Fact]
    public async Task An_expired_lease_lets_another_holder_in_and_the_stale_holder_can_neither_renew_nor_release_it()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var (first, second) = (NewNode(), NewNode());
        var stale = await first.TryAcquireAsync(resource, ShortLease);
        Assert.NotNull(stale);
        Assert.Null(await second.TryAcquireAsync(resource, LongLease));

        await using var current = await second.AcquireAsync(resource, LongLease, Patience);

        Assert.NotNull(current);
        Assert.False(await stale.RenewAsync(LongLease));
        await stale.DisposeAsync();
        Assert.Null(await first.TryAcquireAsync(resource, LongLease));
        Assert.True(await current.RenewAsync(LongLease));
    }

    [Fact]
    public async Task Renewing_in_time_keeps_the_lock_past_its_first_lease()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        await using var lease = await NewNode().TryAcquireAsync(resource, RenewedLease);
        Assert.NotNull(lease);

        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(RenewedLease / 4);
            Assert.True(await lease.RenewAsync(RenewedLease));
        }

        Assert.Null(await NewNode().TryAcquireAsync(resource, LongLease));
    }

    [Fact]
    public async Task A_lease_kept_renewed_holds_the_lock_for_many_leases_and_frees_it_when_disposed()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var acquired = await NewNode().TryAcquireAsync(resource, RenewedLease);
        Assert.NotNull(acquired);
        var contender = NewNode();

        await using (var held = acquired.KeepRenewed(RenewedLease))
        {
            await Task.Delay(RenewedLease * 2);

            Assert.Null(await contender.TryAcquireAsync(resource, LongLease));
            Assert.False(held.Lost.IsCancellationRequested);
        }

        await using var next = await contender.TryAcquireAsync(resource, LongLease);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Fencing_tokens_strictly_increase_across_acquisitions_and_nodes_per_resource()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var nodes = new[] { NewNode(), NewNode() };
        var tokens = new List<long>();

        for (var i = 0; i < 6; i++)
        {
            await using var lease = await nodes[i % 2].TryAcquireAsync(resource, LongLease);
            Assert.NotNull(lease);
            tokens.Add(lease.FencingToken);
        }

        AssertStrictlyIncreasing(tokens);
        Assert.True(tokens[0] > 0);
    }

    [Fact]
    public async Task Disposing_the_lease_releases_the_lock_at_once()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var lease = await NewNode().TryAcquireAsync(resource, LongLease);
        Assert.NotNull(lease);

        await lease.DisposeAsync();

        await using var next = await NewNode().TryAcquireAsync(resource, LongLease);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_holder_that_crashed_without_releasing_frees_the_lock_when_its_lease_runs_out()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var crashing = NewNodeProvider();
        var abandoned = await crashing.GetRequiredService<IDistributedLock>().TryAcquireAsync(resource, ShortLease);
        Assert.NotNull(abandoned);
        var clock = Stopwatch.StartNew();

        if (HasSeparateNodes)
        {
            // The process is gone: its connections drop and nothing releases the lease.
            await crashing.DisposeAsync();
        }

        var survivor = NewNode();
        Assert.Null(await survivor.TryAcquireAsync(resource, LongLease));
        await using var taken = await survivor.AcquireAsync(resource, LongLease, Patience);

        Assert.NotNull(taken);
        Assert.InRange(clock.Elapsed, ShortLease * 0.8, Patience);
    }

    [Fact]
    public async Task A_holder_paused_past_its_lease_is_refused_by_the_store_when_it_writes_with_its_stale_token()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        var resource = NewStreamId("document");
        var fencing = new PostgresFencingTokens(Store, Tenants);
        var paused = await NewNode().TryAcquireAsync(resource, ShortLease);
        Assert.NotNull(paused);

        // The paused holder's lease runs out; another takes the lock and writes.
        await using var successor = await NewNode().AcquireAsync(resource, LongLease, Patience);
        Assert.NotNull(successor);
        Assert.True(await WriteFencedAsync(fencing, successor, resource, "successor"));

        // The paused holder wakes up, still believing it holds the lock.
        var staleWrite = await WriteFencedAsync(fencing, paused, resource, "paused holder");

        Assert.False(staleWrite);
        Assert.True(await WriteFencedAsync(fencing, successor, resource, "successor again"));
        Assert.Equal("successor again", await WrittenByAsync(resource));
    }

    protected IDistributedLock NewNode() => NewNodeProvider().GetRequiredService<IDistributedLock>();

    private ServiceProvider NewNodeProvider()
    {
        if (!HasSeparateNodes && _nodes.Count > 0)
        {
            return _nodes[0];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var node = new ServiceCollection()
            .AddSingleton<ITenantContext>(Tenants)
            .AddLocks(configuration)
            .BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    private async Task<bool> WriteFencedAsync(PostgresFencingTokens fencing, ILockLease lease, string resource, string writer)
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await fencing.TryAdvanceAsync(transaction, lease))
        {
            await transaction.RollbackAsync();
            return false;
        }

        await using var write = new NpgsqlCommand(
            "INSERT INTO fenced_document VALUES ($1, $2) ON CONFLICT (resource) DO UPDATE SET written_by = excluded.written_by",
            connection,
            transaction);
        write.Parameters.Add(new NpgsqlParameter { Value = resource });
        write.Parameters.Add(new NpgsqlParameter { Value = writer });
        await write.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    private async Task<string?> WrittenByAsync(string resource)
    {
        await using var read = Store.CreateCommand("SELECT written_by FROM fenced_document WHERE resource = $1");
        read.Parameters.Add(new NpgsqlParameter { Value = resource });
        return (string?)await read.ExecuteScalarAsync();
    }

    private static void AssertStrictlyIncreasing(IReadOnlyList<long> tokens) =>
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"Token {pair.Second} follows {pair.First}: {string.Join(", ", tokens)}"));
}
