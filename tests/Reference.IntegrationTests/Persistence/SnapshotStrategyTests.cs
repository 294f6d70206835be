using Microsoft.Extensions.Time.Testing;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Persistence;

/// <summary>Snapshot strategies (every N events, by age, on demand) and schema-versioned snapshots on the real stores.</summary>
public abstract class SnapshotStrategyTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task Every_n_events_snapshots_when_a_save_crosses_a_multiple_and_later_loads_start_from_it()
    {
        using var tenant = AsTenant(TenantA);
        var snapshotter = new BasketSnapshotter();
        var id = Guid.NewGuid();

        await AddOneByOneAsync(id, snapshotter, new SnapshotEveryNEvents(3), "A", "B");
        var before = await LatestAsync(id);
        await AddOneByOneAsync(id, snapshotter, new SnapshotEveryNEvents(3), "C", "D");
        var (basket, restores) = await LoadAsync(id, snapshotter);

        Assert.Null(before);
        Assert.Equal((3L, 2), (await LatestAsync(id)) is { } s ? (s.Version, s.SchemaVersion) : default);
        Assert.Equal(["A", "B", "C", "D"], basket.Skus);
        Assert.Equal(4, basket.Version);
        Assert.Equal(1, restores);
    }

    [Fact]
    public async Task By_age_snapshots_once_the_oldest_event_not_covered_by_a_snapshot_is_old_enough()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await RestartHostAsync(time: time);
        using var tenant = AsTenant(TenantA);
        var snapshotter = new BasketSnapshotter();
        var strategy = new SnapshotByAge(TimeSpan.FromDays(1), time);
        var id = Guid.NewGuid();

        await AddOneByOneAsync(id, snapshotter, strategy, "A");
        time.Advance(TimeSpan.FromHours(1));
        await AddOneByOneAsync(id, snapshotter, strategy, "B");
        var young = await LatestAsync(id);
        time.Advance(TimeSpan.FromHours(24));
        await AddOneByOneAsync(id, snapshotter, strategy, "C");
        var old = await LatestAsync(id);
        await AddOneByOneAsync(id, snapshotter, strategy, "D");
        var fresh = await LatestAsync(id);
        time.Advance(TimeSpan.FromDays(2));
        await AddOneByOneAsync(id, snapshotter, strategy, "E");

        Assert.Null(young);
        Assert.Equal(3, old?.Version);
        Assert.Equal(3, fresh?.Version);
        Assert.Equal(5, (await LatestAsync(id))?.Version);
        Assert.Equal(["A", "B", "C", "D", "E"], (await LoadAsync(id, snapshotter)).Basket.Skus);
    }

    [Fact]
    public async Task On_demand_stores_a_snapshot_at_the_current_version_whatever_the_strategy()
    {
        using var tenant = AsTenant(TenantA);
        var snapshotter = new BasketSnapshotter();
        var id = Guid.NewGuid();
        await AddOneByOneAsync(id, snapshotter, NeverSnapshot.Instance, "A", "B", "C", "D");
        var before = await LatestAsync(id);

        long? taken;
        long? missing;
        await using (var scope = Host.CreateScope())
        {
            var repository = Repository(scope, snapshotter, NeverSnapshot.Instance);
            taken = await repository.TakeSnapshotAsync(id);
            missing = await repository.TakeSnapshotAsync(Guid.NewGuid());
        }

        var (basket, restores) = await LoadAsync(id, snapshotter);
        Assert.Null(before);
        Assert.Equal(4, taken);
        Assert.Null(missing);
        Assert.Equal((4L, 2), (await LatestAsync(id)) is { } s ? (s.Version, s.SchemaVersion) : default);
        Assert.Equal(["A", "B", "C", "D"], basket.Skus);
        Assert.Equal((4L, 1), (basket.Version, restores));
    }

    [Fact]
    public async Task A_snapshot_of_an_older_schema_is_ignored_on_load_and_rewritten_by_the_next_save()
    {
        using var tenant = AsTenant(TenantA);
        var id = Guid.NewGuid();
        await AddOneByOneAsync(id, new BasketSnapshotter(schemaVersion: 1), new SnapshotEveryNEvents(2), "A", "B");
        var written = await LatestAsync(id);

        // The aggregate's snapshot shape changed (schema 2), and its strategy would not snapshot this save.
        var current = new BasketSnapshotter(schemaVersion: 2);
        var (replayed, restoresOfOld) = await LoadAsync(id, current);
        await AddOneByOneAsync(id, current, NeverSnapshot.Instance, "C");
        var rewritten = await LatestAsync(id);
        var (loaded, restoresOfNew) = await LoadAsync(id, current);

        Assert.Equal((2L, 1), written is { } w ? (w.Version, w.SchemaVersion) : default);
        Assert.Equal(["A", "B"], replayed.Skus);
        Assert.Equal(0, restoresOfOld);
        Assert.Equal((3L, 2), rewritten is { } r ? (r.Version, r.SchemaVersion) : default);
        Assert.Equal(["A", "B", "C"], loaded.Skus);
        Assert.Equal(1, restoresOfNew);
    }

    private static EventSourcedRepository<Basket, Guid> Repository(PortsScope scope, BasketSnapshotter snapshotter, ISnapshotStrategy strategy) =>
        new(scope.EventStore, id => new Basket(id), scope.Snapshots, snapshotter, strategy);

    /// <summary>One load-add-save per SKU, each in a scope of its own, as separate requests would.</summary>
    private async Task AddOneByOneAsync(Guid id, BasketSnapshotter snapshotter, ISnapshotStrategy strategy, params string[] skus)
    {
        foreach (var sku in skus)
        {
            await using var scope = Host.CreateScope();
            var repository = Repository(scope, snapshotter, strategy);
            var basket = await repository.LoadAsync(id) ?? new Basket(id);
            basket.Add(sku);
            await repository.SaveAsync(basket);
        }
    }

    private async Task<(Basket Basket, int Restores)> LoadAsync(Guid id, BasketSnapshotter snapshotter)
    {
        await using var scope = Host.CreateScope();
        var before = snapshotter.Restores;
        var basket = await Repository(scope, snapshotter, NeverSnapshot.Instance).LoadAsync(id)
            ?? throw new InvalidOperationException("The basket does not exist.");
        return (basket, snapshotter.Restores - before);
    }

    private async Task<Snapshot?> LatestAsync(Guid id)
    {
        await using var scope = Host.CreateScope();
        return await scope.Snapshots.GetLatestAsync(id.ToString(), "basket");
    }
}

public sealed class PostgresSnapshotStrategyTests(PostgresWriteSideDatabase database)
    : SnapshotStrategyTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteSnapshotStrategyTests(SqliteWriteSideDatabase database)
    : SnapshotStrategyTests(database), IClassFixture<SqliteWriteSideDatabase>;
