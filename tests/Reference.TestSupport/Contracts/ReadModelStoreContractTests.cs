using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.TestSupport.Contracts;

/// <summary>
/// The behaviour every <see cref="IReadModelStore{TDocument}"/> must have. Derive once per adapter
/// and return a store of <see cref="ContractDocument"/> sharing its checkpoint store.
/// </summary>
public abstract class ReadModelStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected ITenantContext Tenant { get; } = new AmbientTenantContext();

    protected abstract Task<(IReadModelStore<ContractDocument> Store, ICheckpointStore Checkpoints)> CreateStoresAsync();

    /// <summary>True when documents and checkpoint commit in one transaction (nothing written when the move is rejected).</summary>
    protected abstract bool CommitsAtomically { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ReadModelWrite<ContractDocument> Put(string tenant, string id, string name, long position, int quantity = 0) =>
        new(new ReadModelKey(tenant, id), new ContractDocument { Name = name, Quantity = quantity }, new LogPosition(1, position));

    private static ReadModelBatch<ContractDocument> Batch(int generation, params ReadModelWrite<ContractDocument>[] writes) =>
        new(generation, writes, Checkpoint: null);

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Committed_document_is_read_back_stamped_with_its_tenant()
    {
        var (store, _) = await CreateStoresAsync();
        var id = NewId();
        await store.CommitAsync(Batch(1, Put("acme", id, "first", 1)));

        using (Tenant.BeginScope("acme"))
        {
            var read = await store.GetAsync(id);
            Assert.Equal("first", read?.Name);
            Assert.Equal("acme", read?.TenantId);
            Assert.Equal(id, read?.Id);
        }
    }

    [Fact]
    public async Task Another_tenants_document_is_not_found_and_same_ids_stay_apart()
    {
        var (store, _) = await CreateStoresAsync();
        var id = NewId();
        await store.CommitAsync(Batch(1, Put("acme", id, "acme's", 1), Put("globex", id, "globex's", 2)));

        using (Tenant.BeginScope("globex"))
        {
            Assert.Equal("globex's", (await store.GetAsync(id))?.Name);
            Assert.Null(await store.GetAsync(NewId()));
            Assert.All(await store.ListAsync(q => q), d => Assert.Equal("globex", d.TenantId));
        }

        using (Tenant.BeginScope("initech"))
        {
            Assert.Null(await store.GetAsync(id));
            Assert.Equal(0, await store.CountAsync(q => q));
        }
    }

    [Fact]
    public async Task Starts_with_and_ends_with_are_case_sensitive_like_equality()
    {
        var (store, _) = await CreateStoresAsync();
        var tenant = NewId();
        await store.CommitAsync(Batch(1, Put(tenant, NewId(), "Alpha", 1), Put(tenant, NewId(), "alphA", 2)));

        using (Tenant.BeginScope(tenant))
        {
            var starts = await store.ListAsync(q => q.Where(d => d.Name.StartsWith("Al")));
            var ends = await store.ListAsync(q => q.Where(d => d.Name.EndsWith("hA")));
            var contains = await store.ListAsync(q => q.Where(d => d.Name.Contains("lph")));

            Assert.Equal(["Alpha"], starts.Select(d => d.Name));
            Assert.Equal(["alphA"], ends.Select(d => d.Name));
            Assert.Equal(2, contains.Count);
        }
    }

    [Fact]
    public async Task Reads_without_a_tenant_fail_closed()
    {
        var (store, _) = await CreateStoresAsync();

        await Assert.ThrowsAsync<TenantRequiredException>(() => store.GetAsync(NewId()));
        await Assert.ThrowsAsync<TenantRequiredException>(() => store.ListAsync(q => q));
    }

    [Fact]
    public async Task Replaying_an_older_or_equal_position_is_a_no_op()
    {
        var (store, _) = await CreateStoresAsync();
        var id = NewId();
        await store.CommitAsync(Batch(1, Put("acme", id, "v5", 5)));

        await store.CommitAsync(Batch(1, Put("acme", id, "v3", 3)));
        await store.CommitAsync(Batch(1, Put("acme", id, "v5-again", 5)));

        var loaded = await store.LoadAsync(1, [new ReadModelKey("acme", id)]);
        Assert.Equal("v5", loaded[new ReadModelKey("acme", id)].Document?.Name);
        Assert.Equal(new LogPosition(1, 5), loaded[new ReadModelKey("acme", id)].Position);
    }

    [Fact]
    public async Task A_deleted_document_is_not_resurrected_by_a_replayed_older_write()
    {
        var (store, _) = await CreateStoresAsync();
        var id = NewId();
        var key = new ReadModelKey("acme", id);
        await store.CommitAsync(Batch(1, Put("acme", id, "created", 1)));
        await store.CommitAsync(Batch(1, new ReadModelWrite<ContractDocument>(key, null, new LogPosition(1, 2))));

        await store.CommitAsync(Batch(1, Put("acme", id, "created", 1)));

        using (Tenant.BeginScope("acme"))
        {
            Assert.Null(await store.GetAsync(id));
            Assert.Equal(0, await store.CountAsync(q => q.Where(d => d.Id == id)));
        }

        var tombstone = (await store.LoadAsync(1, [key]))[key];
        Assert.Null(tombstone.Document);
        Assert.Equal(new LogPosition(1, 2), tombstone.Position);
    }

    [Fact]
    public async Task Expected_position_write_is_compare_and_set()
    {
        var (store, _) = await CreateStoresAsync();
        var id = NewId();
        var key = new ReadModelKey("acme", id);
        await store.CommitAsync(Batch(1, Put("acme", id, "v7", 7)));

        var stale = new ReadModelWrite<ContractDocument>(key, new ContractDocument { Name = "stale" }, new LogPosition(1, 7), new LogPosition(1, 6));
        var current = new ReadModelWrite<ContractDocument>(key, new ContractDocument { Name = "redriven" }, new LogPosition(1, 7), new LogPosition(1, 7));
        await store.CommitAsync(Batch(1, stale));
        await store.CommitAsync(Batch(1, current));

        var loaded = await store.LoadAsync(1, [key]);
        Assert.Equal("redriven", loaded[key].Document?.Name);
    }

    [Fact]
    public async Task Commit_moves_the_checkpoint_and_a_rejected_move_reports_false()
    {
        var (store, checkpoints) = await CreateStoresAsync();
        var projection = "contract-" + NewId()[..8];
        await checkpoints.TryCreateAsync(Checkpoint.New(projection, 1, ProjectionStatus.Live, Now));
        var leased = (await checkpoints.TryAcquireAsync(projection, 1, "node-a", Now.AddMinutes(1), Now))!;
        var next = leased with { Position = new LogPosition(1, 10), EventsProcessed = 1 };
        var id = NewId();

        Assert.True(await store.CommitAsync(new ReadModelBatch<ContractDocument>(1, [Put("acme", id, "ok", 10)], new CheckpointMove(leased, next))));
        Assert.Equal(new LogPosition(1, 10), (await checkpoints.GetAsync(projection, 1))!.Position);

        var zombieId = NewId();
        var rejected = await store.CommitAsync(new ReadModelBatch<ContractDocument>(
            1, [Put("acme", zombieId, "zombie", 11)], new CheckpointMove(leased, next with { Position = new LogPosition(1, 11) })));

        Assert.False(rejected);
        Assert.Equal(new LogPosition(1, 10), (await checkpoints.GetAsync(projection, 1))!.Position);
        if (CommitsAtomically)
        {
            Assert.Empty(await store.LoadAsync(1, [new ReadModelKey("acme", zombieId)]));
        }
    }

    [Fact]
    public async Task A_new_generation_serves_only_once_activated_and_can_be_purged()
    {
        var (store, _) = await CreateStoresAsync();
        var serving = await store.GetServingGenerationAsync();
        var next = serving + 1;
        var id = NewId();
        await store.CommitAsync(Batch(serving, Put("acme", id, "old", 1)));
        await store.PrepareGenerationAsync(next);
        await store.CommitAsync(Batch(next, Put("acme", id, "new", 1)));

        using (Tenant.BeginScope("acme"))
        {
            Assert.Equal("old", (await store.GetAsync(id))?.Name);
            await store.ActivateGenerationAsync(next);
            Assert.Equal(next, await store.GetServingGenerationAsync());
            Assert.Equal("new", (await store.GetAsync(id))?.Name);
        }

        while (await store.PurgeGenerationAsync(serving, 100) > 0)
        {
        }

        Assert.Empty(await store.LoadAsync(serving, [new ReadModelKey("acme", id)]));
    }

    [Fact]
    public async Task List_composes_filter_order_and_paging_within_the_tenant()
    {
        var (store, _) = await CreateStoresAsync();
        var prefix = NewId()[..6];
        await store.CommitAsync(Batch(
            1,
            Put("acme", NewId(), prefix + "-a", 1, quantity: 3),
            Put("acme", NewId(), prefix + "-b", 2, quantity: 1),
            Put("acme", NewId(), prefix + "-c", 3, quantity: 2),
            Put("globex", NewId(), prefix + "-z", 4, quantity: 9)));

        using (Tenant.BeginScope("acme"))
        {
            var page = await store.ListAsync(q => q.Where(d => d.Name.StartsWith(prefix)).OrderByDescending(d => d.Quantity).Skip(1).Take(2));
            Assert.Equal([prefix + "-c", prefix + "-b"], page.Select(d => d.Name));
            Assert.Equal(3, await store.CountAsync(q => q.Where(d => d.Name.StartsWith(prefix))));
        }
    }
}

/// <summary>The document the read-model contract tests store.</summary>
public sealed class ContractDocument : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; }
}
