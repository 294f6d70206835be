using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Locking;

/// <summary>The behaviour every <see cref="IDistributedLock"/> must have. Subclass it and implement <see cref="PortContract{TPort}.CreatePortAsync"/>.</summary>
public abstract class DistributedLockContractTests : PortContract<IDistributedLock>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_held_lock_cannot_be_taken_until_it_is_released()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");

        var first = await Port.TryAcquireAsync(resource, Lease);
        Assert.NotNull(first);
        Assert.Equal(resource, first.Resource);
        Assert.Null(await Port.TryAcquireAsync(resource, Lease));

        await first.DisposeAsync();
        await using var second = await Port.TryAcquireAsync(resource, Lease);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Of_parallel_contenders_exactly_one_gets_the_lock()
    {
        var tenant = NewTenant();
        using var scope = Tenant(tenant);
        var resource = NewStreamId("job");

        var leases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Port.TryAcquireAsync(resource, Lease))));

        Assert.Single(leases, lease => lease is not null);
    }

    [Fact]
    public async Task An_expired_lease_frees_the_lock_and_its_holder_can_no_longer_renew_or_release_it()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        var stale = (await Port.TryAcquireAsync(resource, Lease))!;

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await Port.TryAcquireAsync(resource, Lease);

        Assert.NotNull(current);
        Assert.False(await stale.RenewAsync(Lease));
        await stale.DisposeAsync();
        Assert.Null(await Port.TryAcquireAsync(resource, Lease));
        Assert.True(await current.RenewAsync(Lease));
    }

    [Fact]
    public async Task Renewing_in_time_keeps_the_lock_past_the_first_lease()
    {
        using var scope = Tenant(NewTenant());
        var resource = NewStreamId("job");
        await using var lease = (await Port.TryAcquireAsync(resource, Lease))!;

        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await lease.RenewAsync(Lease));
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await Port.TryAcquireAsync(resource, Lease));
    }

    [Fact]
    public async Task Locks_are_per_tenant_and_the_system_scope_has_its_own()
    {
        var resource = NewStreamId("job");
        using (Tenant(NewTenant()))
        {
            Assert.NotNull(await Port.TryAcquireAsync(resource, Lease));
        }

        using (Tenant(NewTenant()))
        {
            Assert.NotNull(await Port.TryAcquireAsync(resource, Lease));
        }

        using (SystemScope())
        {
            Assert.NotNull(await Port.TryAcquireAsync(resource, Lease));
            Assert.Null(await Port.TryAcquireAsync(resource, Lease));
        }
    }

    [Fact]
    public async Task Locking_needs_a_tenant_or_the_system_scope()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.TryAcquireAsync("job", Lease));
    }
}
