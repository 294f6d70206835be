using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts;

/// <summary>The behaviour every <see cref="ICheckpointStore"/> must have. Derive once per adapter.</summary>
public abstract class CheckpointStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<ICheckpointStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static string NewProjection() => "p-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Created_checkpoint_reads_back_and_a_second_create_is_refused()
    {
        var store = await CreateStoreAsync();
        var created = Checkpoint.New(NewProjection(), 1, ProjectionStatus.Live, Now);

        Assert.True(await store.TryCreateAsync(created));
        Assert.False(await store.TryCreateAsync(created with { Status = ProjectionStatus.Rebuilding }));

        var read = await store.GetAsync(created.Projection, 1);
        Assert.NotNull(read);
        Assert.Equal(LogPosition.Start, read.Position);
        Assert.Equal(ProjectionStatus.Live, read.Status);
        Assert.Null(await store.GetAsync(created.Projection, 2));
    }

    [Fact]
    public async Task A_rebuilds_total_is_kept_through_leases_and_moves()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 2, ProjectionStatus.Rebuilding, Now) with { RebuildTotal = 1_234 });
        var leased = (await store.TryAcquireAsync(projection, 2, "node-a:rebuild", Now.AddSeconds(30), Now))!;

        Assert.True(await store.TrySaveAsync(leased with { Position = new LogPosition(5, 10), EventsProcessed = 500 }, leased));

        var read = (await store.GetAsync(projection, 2))!;
        Assert.Equal((1_234L, 500L), (read.RebuildTotal, read.EventsProcessed));
    }

    [Fact]
    public async Task Lease_is_exclusive_until_it_expires()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 1, ProjectionStatus.Live, Now));

        var first = await store.TryAcquireAsync(projection, 1, "node-a", Now.AddSeconds(30), Now);
        Assert.Equal("node-a", first?.Owner);

        Assert.Null(await store.TryAcquireAsync(projection, 1, "node-b", Now.AddSeconds(40), Now.AddSeconds(10)));
        Assert.NotNull(await store.TryAcquireAsync(projection, 1, "node-a", Now.AddSeconds(40), Now.AddSeconds(10)));

        var takeover = await store.TryAcquireAsync(projection, 1, "node-b", Now.AddSeconds(90), Now.AddSeconds(41));
        Assert.Equal("node-b", takeover?.Owner);
    }

    [Fact]
    public async Task Save_is_compare_and_set_on_owner_and_previous_position()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 1, ProjectionStatus.Live, Now));
        var leased = (await store.TryAcquireAsync(projection, 1, "node-a", Now.AddSeconds(30), Now))!;

        var moved = leased with { Position = new LogPosition(5, 10), EventsProcessed = 3, UpdatedAt = Now.AddSeconds(1) };
        Assert.True(await store.TrySaveAsync(moved, leased));

        // A second save from the same stale "previous" is rejected: the position no longer matches.
        Assert.False(await store.TrySaveAsync(leased with { Position = new LogPosition(6, 1) }, leased));

        var stored = await store.GetAsync(projection, 1);
        Assert.Equal(new LogPosition(5, 10), stored!.Position);
        Assert.Equal(3, stored.EventsProcessed);
    }

    [Fact]
    public async Task A_zombie_cannot_move_the_checkpoint_after_a_takeover()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 1, ProjectionStatus.Live, Now));
        var zombie = (await store.TryAcquireAsync(projection, 1, "node-a", Now.AddSeconds(5), Now))!;
        var successor = (await store.TryAcquireAsync(projection, 1, "node-b", Now.AddSeconds(60), Now.AddSeconds(10)))!;

        Assert.False(await store.TrySaveAsync(zombie with { Position = new LogPosition(9, 9) }, zombie));
        Assert.True(await store.TrySaveAsync(successor with { Position = new LogPosition(1, 1) }, successor));
        Assert.Equal("node-b", (await store.GetAsync(projection, 1))!.Owner);
    }

    [Fact]
    public async Task Status_and_last_error_are_stored()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 2, ProjectionStatus.Rebuilding, Now));
        var leased = (await store.TryAcquireAsync(projection, 2, "node-a", Now.AddSeconds(30), Now))!;

        Assert.True(await store.TrySaveAsync(leased with { Status = ProjectionStatus.Failed, LastError = "boom" }, leased));

        var stored = await store.GetAsync(projection, 2);
        Assert.Equal(ProjectionStatus.Failed, stored!.Status);
        Assert.Equal("boom", stored.LastError);
    }

    [Fact]
    public async Task List_returns_every_generation_of_a_projection_in_order()
    {
        var store = await CreateStoreAsync();
        var projection = NewProjection();
        await store.TryCreateAsync(Checkpoint.New(projection, 2, ProjectionStatus.Rebuilding, Now));
        await store.TryCreateAsync(Checkpoint.New(projection, 1, ProjectionStatus.Live, Now));
        await store.TryCreateAsync(Checkpoint.New(NewProjection(), 1, ProjectionStatus.Live, Now));

        var listed = await store.ListAsync(projection);

        Assert.Equal([1, 2], listed.Select(c => c.Generation));
    }
}
