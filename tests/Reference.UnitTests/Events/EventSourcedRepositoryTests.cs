using System.Text.Json;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;

namespace Reference.UnitTests.Events;

public sealed class EventSourcedRepositoryTests
{
    private readonly InMemoryAdapters _adapters = new(new JsonEventSerializer(new EventTypeRegistry().Register<TallyIncremented>()));
    private readonly TallySnapshotter _snapshotter = new();

    private IDisposable Tenant() => _adapters.Tenants.BeginScope("tenant-1");

    private EventSourcedRepository<Tally, Guid> Plain() => new(_adapters.EventStore, id => new Tally(id));

    private EventSourcedRepository<Tally, Guid> WithSnapshots(ISnapshotStrategy? strategy = null) =>
        new(_adapters.EventStore, id => new Tally(id), _adapters.Snapshots, _snapshotter, strategy);

    [Fact]
    public async Task A_saved_aggregate_loads_back_with_its_state_and_version()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());
        tally.Add(2);
        tally.Add(3);

        await Plain().SaveAsync(tally);
        var loaded = await Plain().LoadAsync(tally.Id);

        Assert.Equal(2, tally.Version);
        Assert.Empty(tally.PendingEvents);
        Assert.NotNull(loaded);
        Assert.Equal((5, 2, 2L), (loaded.Total, loaded.Increments, loaded.Version));
        Assert.Equal(nameof(Tally), (await _adapters.EventStore.ReadStreamAsync(tally.Id.ToString()).FirstAsync()).StreamType);
    }

    [Fact]
    public async Task Loading_an_aggregate_that_has_no_events_returns_null()
    {
        using var scope = Tenant();

        Assert.Null(await Plain().LoadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Saving_appends_only_the_new_events_at_the_loaded_version()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());
        tally.Add(1);
        await Plain().SaveAsync(tally);

        var loaded = (await Plain().LoadAsync(tally.Id))!;
        loaded.Add(10);
        await Plain().SaveAsync(loaded);

        Assert.Equal(2, loaded.Version);
        Assert.Equal(11, (await Plain().LoadAsync(tally.Id))!.Total);
    }

    [Fact]
    public async Task A_concurrent_save_is_a_conflict_and_the_loser_writes_nothing()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());
        tally.Add(1);
        await Plain().SaveAsync(tally);
        var first = (await Plain().LoadAsync(tally.Id))!;
        var second = (await Plain().LoadAsync(tally.Id))!;

        first.Add(5);
        await Plain().SaveAsync(first);
        second.Add(7);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Plain().SaveAsync(second));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(6, (await Plain().LoadAsync(tally.Id))!.Total);
        Assert.Single(second.PendingEvents);
    }

    [Fact]
    public async Task Saving_without_pending_events_writes_nothing()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());

        await Plain().SaveAsync(tally);

        Assert.Equal(0, await _adapters.EventStore.GetStreamVersionAsync(tally.Id.ToString()));
    }

    [Fact]
    public async Task By_default_no_snapshot_is_taken()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());
        for (var i = 0; i < 10; i++)
        {
            tally.Add(1);
        }

        await WithSnapshots().SaveAsync(tally);

        Assert.Null(await _adapters.Snapshots.GetLatestAsync(tally.Id.ToString(), _snapshotter.SnapshotType));
    }

    [Fact]
    public async Task The_strategy_takes_snapshots_and_loading_starts_from_the_latest_one()
    {
        using var scope = Tenant();
        var repository = WithSnapshots(new SnapshotEveryNEvents(3));
        var tally = new Tally(Guid.NewGuid());
        tally.Add(1);
        tally.Add(1);
        await repository.SaveAsync(tally);
        Assert.Null(await _adapters.Snapshots.GetLatestAsync(tally.Id.ToString(), "tally"));

        tally.Add(1);
        tally.Add(1);
        await repository.SaveAsync(tally);
        var snapshot = await _adapters.Snapshots.GetLatestAsync(tally.Id.ToString(), "tally");
        Assert.Equal((4L, 2), (snapshot!.Version, snapshot.SchemaVersion));

        // Doctor the snapshot: if loading replayed from the start, the total would be 5, not 105.
        await _adapters.Snapshots.SaveAsync(snapshot with { Data = JsonSerializer.Serialize(new TallySnapshotter.TallyState(tally.Id, 100, 4)) });
        tally.Add(1);
        await repository.SaveAsync(tally);

        var loaded = (await repository.LoadAsync(tally.Id))!;
        Assert.Equal((101, 5, 5L), (loaded.Total, loaded.Increments, loaded.Version));
    }

    [Fact]
    public async Task A_snapshot_of_another_schema_version_is_ignored_and_the_stream_replayed()
    {
        using var scope = Tenant();
        var tally = new Tally(Guid.NewGuid());
        tally.Add(4);
        await Plain().SaveAsync(tally);
        await _adapters.Snapshots.SaveAsync(new Snapshot(tally.Id.ToString(), "tally", 1, SchemaVersion: 1, "{\"legacy\":true}"));

        var loaded = (await WithSnapshots().LoadAsync(tally.Id))!;

        Assert.Equal((4, 1L), (loaded.Total, loaded.Version));
    }

    [Fact]
    public async Task A_snapshot_at_the_head_of_the_stream_loads_without_a_tail()
    {
        using var scope = Tenant();
        var repository = WithSnapshots(new SnapshotEveryNEvents(1));
        var tally = new Tally(Guid.NewGuid());
        tally.Add(9);
        await repository.SaveAsync(tally);

        var loaded = (await repository.LoadAsync(tally.Id))!;
        loaded.Add(1);
        await repository.SaveAsync(loaded);

        Assert.Equal((10, 2L), (loaded.Total, loaded.Version));
        Assert.Equal(2, (await _adapters.Snapshots.GetLatestAsync(tally.Id.ToString(), "tally"))!.Version);
    }

    [Fact]
    public async Task Another_tenant_cannot_load_the_aggregate()
    {
        var tally = new Tally(Guid.NewGuid());
        using (Tenant())
        {
            tally.Add(1);
            await Plain().SaveAsync(tally);
        }

        using (_adapters.Tenants.BeginScope("tenant-2"))
        {
            Assert.Null(await Plain().LoadAsync(tally.Id));
        }
    }
}
