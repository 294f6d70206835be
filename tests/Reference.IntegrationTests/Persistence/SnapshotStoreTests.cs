using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Persistence;

public abstract class SnapshotStoreTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task The_latest_snapshot_wins_and_an_older_one_does_not_replace_it()
    {
        using var tenant = AsTenant(TenantA);
        await using var scope = Host.CreateScope();

        await scope.Snapshots.SaveAsync(new Snapshot("s-1", "order", 10, 2, "{\"v\":10}"));
        await scope.Snapshots.SaveAsync(new Snapshot("s-1", "order", 5, 2, "{\"v\":5}"));
        var latest = await scope.Snapshots.GetLatestAsync("s-1", "order");

        Assert.NotNull(latest);
        Assert.Equal(10, latest.Version);
        Assert.Equal(2, latest.SchemaVersion);
        Assert.Contains("10", latest.Data, StringComparison.Ordinal);
        Assert.Null(await scope.Snapshots.GetLatestAsync("s-1", "other-type"));
    }

    [Fact]
    public async Task Another_tenant_cannot_see_a_snapshot()
    {
        await using var scope = Host.CreateScope();
        using (AsTenant(TenantA))
        {
            await scope.Snapshots.SaveAsync(new Snapshot("s-1", "order", 1, 1, "{}"));
        }

        using (AsTenant(TenantB))
        {
            Assert.Null(await scope.Snapshots.GetLatestAsync("s-1", "order"));
        }
    }
}

public sealed class PostgresSnapshotStoreTests(PostgresWriteSideDatabase database)
    : SnapshotStoreTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteSnapshotStoreTests(SqliteWriteSideDatabase database)
    : SnapshotStoreTests(database), IClassFixture<SqliteWriteSideDatabase>;
