using Microsoft.Extensions.Time.Testing;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Outbox;

/// <summary>
/// The behaviour every <see cref="IOutbox"/> must have. Subclass it per adapter and implement
/// <see cref="CreateHarnessAsync"/>; the outbox must read time from the clock it is given.
/// Claims are filtered to this test's messages; the one test of the claim limit expects an outbox with
/// no other due messages.
/// </summary>
public abstract class OutboxContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly HashSet<Guid> _mine = [];
    private readonly string _partitionPrefix = Guid.NewGuid().ToString("N")[..8];
    private OutboxHarness? _harness;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private IOutbox Outbox => (_harness ?? throw new InvalidOperationException("Created in InitializeAsync.")).Outbox;

    private IUnitOfWork UnitOfWork => _harness!.UnitOfWork;

    /// <summary>Creates the outbox under test and its unit of work over one database, reading time from <paramref name="time"/>.</summary>
    protected abstract Task<OutboxHarness> CreateHarnessAsync(TimeProvider time);

    public async Task InitializeAsync() => _harness = await CreateHarnessAsync(Time);

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_enqueued_message_is_claimed_under_a_lease_stamped_with_its_tenant()
    {
        var tenant = NewTenant();
        var message = Message("order-1");
        using (Tenant(tenant))
        {
            await Outbox.EnqueueAsync([message]);
        }

        var delivery = Assert.Single(await ClaimAsync("dispatcher-a"));

        Assert.Equal(
            (message.MessageId, message.Destination, message.PartitionKey, message.Type, message.Payload, tenant),
            (delivery.Message.MessageId, delivery.Message.Destination, delivery.Message.PartitionKey, delivery.Message.Type, delivery.Message.Payload, delivery.Message.TenantId));
        Assert.Equal(message.Headers, delivery.Message.Headers);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("dispatcher-a", delivery.LeaseOwner);
        Assert.Equal(Time.GetUtcNow() + Lease, delivery.LeaseUntil);
    }

    [Fact]
    public async Task Enqueue_joins_the_unit_of_work_and_vanishes_with_its_rollback()
    {
        var (discarded, kept) = (Message("p-1"), Message("p-2"));
        using (Tenant(NewTenant()))
        {
            await using (await UnitOfWork.BeginAsync())
            {
                await Outbox.EnqueueAsync([discarded]);
            }

            await using var unitOfWork = await UnitOfWork.BeginAsync();
            await Outbox.EnqueueAsync([kept]);
            await unitOfWork.CommitAsync();
        }

        var delivery = Assert.Single(await ClaimAsync("dispatcher"));
        Assert.Equal(kept.MessageId, delivery.Message.MessageId);
    }

    [Fact]
    public async Task A_claimed_message_is_hidden_from_others_until_its_lease_runs_out()
    {
        await EnqueueAsync(Message("p"));
        var first = Assert.Single(await ClaimAsync("dispatcher-a"));

        Assert.Empty(await ClaimAsync("dispatcher-b"));
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await ClaimAsync("dispatcher-b"));

        Assert.Equal(first.Message.MessageId, second.Message.MessageId);
        Assert.Equal(2, second.Attempts);
        Assert.Equal("dispatcher-b", second.LeaseOwner);
    }

    [Fact]
    public async Task One_message_per_partition_is_in_flight_and_partitions_go_out_in_order()
    {
        var (a1, a2, b1) = (Message("partition-a"), Message("partition-a"), Message("partition-b"));
        await EnqueueAsync(a1, a2, b1);

        var firstRound = await ClaimAsync("dispatcher");
        Assert.Equal([a1.MessageId, b1.MessageId], firstRound.Select(d => d.Message.MessageId));
        Assert.Empty(await ClaimAsync("dispatcher"));

        Assert.True(await Outbox.CompleteAsync(a1.MessageId, "dispatcher"));
        var secondRound = Assert.Single(await ClaimAsync("dispatcher"));
        Assert.Equal(a2.MessageId, secondRound.Message.MessageId);
    }

    [Fact]
    public async Task Claims_take_at_most_the_requested_count_oldest_first()
    {
        var messages = Enumerable.Range(0, 5).Select(i => Message($"p-{i}")).ToArray();
        await EnqueueAsync(messages);

        var claimed = await Outbox.ClaimAsync("dispatcher", 2, Lease);

        Assert.Equal(messages.Take(2).Select(m => m.MessageId), claimed.Select(d => d.Message.MessageId));
    }

    [Fact]
    public async Task Completion_counts_only_while_the_lease_is_held()
    {
        await EnqueueAsync(Message("p"));
        var delivery = Assert.Single(await ClaimAsync("slow"));
        var id = delivery.Message.MessageId;

        Assert.False(await Outbox.CompleteAsync(id, "somebody-else"));
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.False(await Outbox.CompleteAsync(id, "slow"));
        Assert.Single(await ClaimAsync("fast"));
        Assert.False(await Outbox.CompleteAsync(id, "slow"));
        Assert.True(await Outbox.CompleteAsync(id, "fast"));

        Time.Advance(Lease * 10);
        Assert.Empty(await ClaimAsync("anyone"));
        Assert.False(await Outbox.CompleteAsync(id, "fast"));
        Assert.False(await Outbox.CompleteAsync(Guid.NewGuid(), "fast"));
    }

    [Fact]
    public async Task A_failed_message_is_retried_after_its_backoff_and_still_blocks_its_partition()
    {
        var (first, second) = (Message("p"), Message("p"));
        await EnqueueAsync(first, second);
        Assert.Single(await ClaimAsync("dispatcher"));

        Assert.True(await Outbox.FailAsync(first.MessageId, "dispatcher", "broker unavailable", Time.GetUtcNow().AddMinutes(5)));
        Assert.Empty(await ClaimAsync("dispatcher"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var retry = Assert.Single(await ClaimAsync("dispatcher"));

        Assert.Equal(first.MessageId, retry.Message.MessageId);
        Assert.Equal(2, retry.Attempts);
    }

    [Fact]
    public async Task A_dead_lettered_message_is_never_claimed_again_and_unblocks_its_partition()
    {
        var (poison, next) = (Message("p"), Message("p"));
        await EnqueueAsync(poison, next);
        Assert.Single(await ClaimAsync("dispatcher"));

        Assert.True(await Outbox.FailAsync(poison.MessageId, "dispatcher", "cannot be parsed", retryAt: null));
        var delivery = Assert.Single(await ClaimAsync("dispatcher"));
        Assert.Equal(next.MessageId, delivery.Message.MessageId);
        Assert.True(await Outbox.CompleteAsync(next.MessageId, "dispatcher"));

        Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await ClaimAsync("dispatcher"));
    }

    [Fact]
    public async Task Failing_without_the_lease_changes_nothing()
    {
        await EnqueueAsync(Message("p"));
        var delivery = Assert.Single(await ClaimAsync("holder"));

        Assert.False(await Outbox.FailAsync(delivery.Message.MessageId, "intruder", "boom", retryAt: null));
        Assert.True(await Outbox.CompleteAsync(delivery.Message.MessageId, "holder"));
    }

    [Fact]
    public async Task Enqueue_needs_a_tenant_or_an_explicit_system_scope()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Outbox.EnqueueAsync([Message("p")]));

        var systemMessage = Message("p");
        using (SystemScope())
        {
            await Outbox.EnqueueAsync([systemMessage]);
        }

        var delivery = Assert.Single(await ClaimAsync("dispatcher"));
        Assert.Null(delivery.Message.TenantId);
    }

    private OutboxMessage Message(string partitionKey)
    {
        var message = new OutboxMessage(
            Guid.NewGuid(),
            "contract.destination",
            _partitionPrefix + "-" + partitionKey,
            "contract.message",
            "{\"value\":1}",
            new Dictionary<string, string> { ["correlation-id"] = "c-1" });
        _mine.Add(message.MessageId);
        return message;
    }

    private async Task EnqueueAsync(params OutboxMessage[] messages)
    {
        using var scope = Tenant(NewTenant());
        await Outbox.EnqueueAsync(messages);
    }

    /// <summary>Claims everything due and keeps this test's messages.</summary>
    private async Task<List<OutboxDelivery>> ClaimAsync(string owner)
    {
        var claimed = await Outbox.ClaimAsync(owner, 1000, Lease);
        return claimed.Where(d => _mine.Contains(d.Message.MessageId)).ToList();
    }
}
