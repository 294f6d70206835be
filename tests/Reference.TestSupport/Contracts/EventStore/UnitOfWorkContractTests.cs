using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.EventStore;

/// <summary>
/// The behaviour every <see cref="IUnitOfWork"/> must have, observed through the event store and
/// outbox that join it. Claiming from the outbox is itself a write, so the tests claim only once no
/// unit of work is open (a single-writer store would rightly wait for it). Subclass it per adapter and implement <see cref="EventStoreContractBase.CreateHarnessAsync"/>.
/// </summary>
public abstract class UnitOfWorkContractTests : EventStoreContractBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private IOutbox Outbox => Harness.Outbox;

    [Fact]
    public async Task Writes_inside_a_unit_of_work_are_invisible_to_others_until_it_commits()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);

        await using (var unitOfWork = await UnitOfWork.BeginAsync())
        {
            Assert.True(UnitOfWork.IsActive);
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(2));
            await Outbox.EnqueueAsync([Message(streamId)]);

            Assert.Equal(2, await Store.GetStreamVersionAsync(streamId));
            Assert.Equal(0, await OutsideAs(tenant, () => Store.GetStreamVersionAsync(streamId)));
            Assert.Empty(await OutsideAs(tenant, () => ReadAsync(streamId)));

            await unitOfWork.CommitAsync();
        }

        Assert.False(UnitOfWork.IsActive);
        Assert.Equal(2, await OutsideAs(tenant, () => Store.GetStreamVersionAsync(streamId)));
        Assert.Single(await ClaimOwnAsync(tenant));
    }

    [Fact]
    public async Task Disposing_without_commit_rolls_back_events_stream_version_and_outbox()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "before"));

        await using (await UnitOfWork.BeginAsync())
        {
            await AppendAsync(streamId, ExpectedVersion.Exact(1), Items(2, "discarded"));
            await Outbox.EnqueueAsync([Message(streamId)]);
        }

        Assert.False(UnitOfWork.IsActive);
        Assert.Equal(1, await Store.GetStreamVersionAsync(streamId));
        Assert.Single(await ReadAsync(streamId));
        Assert.Single(await ReadAllAsync());
        Assert.Empty(await ClaimOwnAsync(tenant));
    }

    [Fact]
    public async Task A_failure_after_the_append_leaves_nothing_behind()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);

        async Task UseCaseThatFailsLate()
        {
            await using var unitOfWork = await UnitOfWork.BeginAsync();
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(2));
            await Outbox.EnqueueAsync([Message(streamId)]);
            throw new InvalidOperationException("payment service unavailable");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(UseCaseThatFailsLate);

        Assert.Equal(0, await Store.GetStreamVersionAsync(streamId));
        Assert.Empty(await ReadAllAsync());
        Assert.Empty(await ClaimOwnAsync(tenant));
        await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1, "retried"));
        Assert.Equal(1, await Store.GetStreamVersionAsync(streamId));
    }

    [Fact]
    public async Task A_nested_begin_joins_and_only_the_owner_commits()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);

        await using (var outer = await UnitOfWork.BeginAsync())
        {
            Assert.True(outer.IsOwner);
            await using (var inner = await UnitOfWork.BeginAsync())
            {
                Assert.False(inner.IsOwner);
                await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1));
                await inner.CommitAsync();
            }

            Assert.True(UnitOfWork.IsActive);
            Assert.Equal(0, await OutsideAs(tenant, () => Store.GetStreamVersionAsync(streamId)));
        }

        Assert.Equal(0, await Store.GetStreamVersionAsync(streamId));
    }

    [Fact]
    public async Task After_commit_actions_run_once_after_the_outermost_commit()
    {
        var tenant = NewTenant();
        var streamId = NewStreamId();
        using var scope = Tenant(tenant);
        var runs = new List<long>();

        await using (var outer = await UnitOfWork.BeginAsync())
        {
            await using (var inner = await UnitOfWork.BeginAsync())
            {
                await AppendAsync(streamId, ExpectedVersion.NoStream, Items(1));
                UnitOfWork.AfterCommit(async _ => runs.Add(await OutsideAs(tenant, () => Store.GetStreamVersionAsync(streamId))));
                await inner.CommitAsync();
            }

            Assert.Empty(runs);
            await outer.CommitAsync();
        }

        Assert.Equal([1L], runs);
    }

    [Fact]
    public async Task After_commit_actions_never_run_after_a_rollback()
    {
        using var scope = Tenant(NewTenant());
        var ran = false;

        await using (await UnitOfWork.BeginAsync())
        {
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, Items(1));
            UnitOfWork.AfterCommit(_ =>
            {
                ran = true;
                return Task.CompletedTask;
            });
        }

        await using (var next = await UnitOfWork.BeginAsync())
        {
            await next.CommitAsync();
        }

        Assert.False(ran);
    }

    [Fact]
    public void Registering_an_after_commit_action_without_a_unit_of_work_is_an_error()
    {
        Assert.False(UnitOfWork.IsActive);
        Assert.Throws<InvalidOperationException>(() => UnitOfWork.AfterCommit(_ => Task.CompletedTask));
    }

    [Fact]
    public async Task Units_of_work_in_parallel_flows_each_commit_their_own_writes()
    {
        var tenant = NewTenant();
        var streams = Enumerable.Range(0, 8).Select(_ => NewStreamId()).ToList();

        await Task.WhenAll(streams.Select((streamId, i) => OutsideAs(tenant, async () =>
        {
            await using var unitOfWork = await UnitOfWork.BeginAsync();
            await AppendAsync(streamId, ExpectedVersion.NoStream, Items(2, $"flow-{i}"));
            if (i % 2 == 0)
            {
                await unitOfWork.CommitAsync();
            }

            return i;
        })));

        using var scope = Tenant(tenant);
        var versions = new List<long>();
        foreach (var streamId in streams)
        {
            versions.Add(await Store.GetStreamVersionAsync(streamId));
        }

        Assert.Equal([2L, 0L, 2L, 0L, 2L, 0L, 2L, 0L], versions);
    }

    private static OutboxMessage Message(string partitionKey) =>
        new(Guid.NewGuid(), "contract.destination", partitionKey, "contract.message", "{}", new Dictionary<string, string>());

    /// <summary>Claims everything due and keeps the messages the given tenant enqueued (the outbox is shared by all tenants).</summary>
    private async Task<List<OutboxDelivery>> ClaimOwnAsync(string tenant)
    {
        var claimed = await Outside(() => Outbox.ClaimAsync("dispatcher-" + Guid.NewGuid(), 1000, Lease));
        return claimed.Where(d => d.Message.TenantId == tenant).ToList();
    }
}
