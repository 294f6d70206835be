using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Snapshots;

/// <summary>
/// The behaviour every <see cref="ISnapshotStore"/> must have. Subclass it per adapter and implement
/// <see cref="CreateSnapshotStoreAsync"/>.
/// </summary>
public abstract class SnapshotStoreContractTests : IAsyncLifetime
{
    private ISnapshotStore? _store;

    private ISnapshotStore Store => _store ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>Creates the snapshot store under test over a database that holds no data of this test yet.</summary>
    protected abstract Task<ISnapshotStore> CreateSnapshotStoreAsync();

    public async Task InitializeAsync() => _store = await CreateSnapshotStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_latest_snapshot_of_a_stream_and_type_is_returned()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());

        Assert.Null(await Store.GetLatestAsync(streamId, "cart"));
        await Store.SaveAsync(new Snapshot(streamId, "cart", 10, 1, "{\"items\":10}"));
        await Store.SaveAsync(new Snapshot(streamId, "cart", 20, 2, "{\"items\":20}"));
        await Store.SaveAsync(new Snapshot(streamId, "cart-summary", 5, 1, "{}"));

        Assert.Equal(new Snapshot(streamId, "cart", 20, 2, "{\"items\":20}"), await Store.GetLatestAsync(streamId, "cart"));
        Assert.Equal(5, (await Store.GetLatestAsync(streamId, "cart-summary"))!.Version);
        Assert.Null(await Store.GetLatestAsync(NewStreamId(), "cart"));
    }

    [Fact]
    public async Task An_older_snapshot_never_replaces_a_newer_one()
    {
        var streamId = NewStreamId();
        using var scope = Tenant(NewTenant());
        await Store.SaveAsync(new Snapshot(streamId, "cart", 20, 1, "{\"items\":20}"));

        await Store.SaveAsync(new Snapshot(streamId, "cart", 10, 1, "{\"items\":10}"));

        Assert.Equal(20, (await Store.GetLatestAsync(streamId, "cart"))!.Version);
    }

    [Fact]
    public async Task Snapshots_are_invisible_to_other_tenants()
    {
        var streamId = NewStreamId();
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        using (Tenant(tenantA))
        {
            await Store.SaveAsync(new Snapshot(streamId, "cart", 3, 1, "{\"owner\":\"a\"}"));
        }

        using (Tenant(tenantB))
        {
            Assert.Null(await Store.GetLatestAsync(streamId, "cart"));
            await Store.SaveAsync(new Snapshot(streamId, "cart", 1, 1, "{\"owner\":\"b\"}"));
            Assert.Equal("{\"owner\":\"b\"}", (await Store.GetLatestAsync(streamId, "cart"))!.Data);
        }

        using (Tenant(tenantA))
        {
            Assert.Equal("{\"owner\":\"a\"}", (await Store.GetLatestAsync(streamId, "cart"))!.Data);
        }
    }

    [Fact]
    public async Task Snapshots_need_a_tenant()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Store.GetLatestAsync("stream", "cart"));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Store.SaveAsync(new Snapshot("stream", "cart", 1, 1, "{}")));
    }
}
