using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Persistence;

/// <summary>Claiming, completing and failing outbox messages under leases.</summary>
public abstract class OutboxTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task A_claimed_message_is_completed_by_its_lease_owner_only()
    {
        using var tenant = AsTenant(TenantA);
        var message = Message("p1");
        await EnqueueAsync(message);

        await using var scope = Host.CreateScope();
        var delivery = Assert.Single(await scope.Outbox.ClaimAsync("worker-1", 10, TimeSpan.FromMinutes(1)));

        Assert.Equal(message.MessageId, delivery.Message.MessageId);
        Assert.Equal(TenantA, delivery.Message.TenantId);
        Assert.Equal("v", delivery.Message.Headers["h"]);
        Assert.Equal(1, delivery.Attempts);
        Assert.Empty(await scope.Outbox.ClaimAsync("worker-2", 10, TimeSpan.FromMinutes(1)));
        Assert.False(await scope.Outbox.CompleteAsync(message.MessageId, "worker-2"));
        Assert.True(await scope.Outbox.CompleteAsync(message.MessageId, "worker-1"));
        Assert.False(await scope.Outbox.CompleteAsync(message.MessageId, "worker-1"));
        Assert.Empty(await scope.Outbox.ClaimAsync("worker-2", 10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_partition_is_delivered_in_order_one_message_at_a_time()
    {
        using var tenant = AsTenant(TenantA);
        var first = Message("p1");
        var second = Message("p1");
        var other = Message("p2");
        await EnqueueAsync(first, second, other);

        await using var scope = Host.CreateScope();
        var claimed = await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1));
        Assert.Equal([first.MessageId, other.MessageId], claimed.Select(d => d.Message.MessageId));

        await scope.Outbox.CompleteAsync(first.MessageId, "worker");
        var next = await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1));
        Assert.Equal([second.MessageId], next.Select(d => d.Message.MessageId));
    }

    [Fact]
    public async Task A_failed_message_is_retried_later_or_dead_lettered()
    {
        using var tenant = AsTenant(TenantA);
        var retried = Message("p1");
        var dead = Message("p2");
        await EnqueueAsync(retried, dead);

        await using var scope = Host.CreateScope();
        await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1));
        Assert.True(await scope.Outbox.FailAsync(retried.MessageId, "worker", "broker down", DateTimeOffset.UtcNow.AddMilliseconds(-1)));
        Assert.True(await scope.Outbox.FailAsync(dead.MessageId, "worker", "poison", retryAt: null));

        var again = Assert.Single(await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(retried.MessageId, again.Message.MessageId);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task An_expired_lease_cannot_complete_and_the_message_is_claimable_again()
    {
        using var tenant = AsTenant(TenantA);
        var message = Message("p1");
        await EnqueueAsync(message);

        await using var scope = Host.CreateScope();
        await scope.Outbox.ClaimAsync("stalled", 10, TimeSpan.FromMilliseconds(-1));

        Assert.False(await scope.Outbox.CompleteAsync(message.MessageId, "stalled"));
        Assert.Single(await scope.Outbox.ClaimAsync("fresh", 10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_tenant_claims_only_its_own_messages_and_the_system_scope_claims_all()
    {
        using (AsTenant(TenantA))
        {
            await EnqueueAsync(Message("p1"));
        }

        using (AsTenant(TenantB))
        {
            await EnqueueAsync(Message("p1"));
            var own = Assert.Single(await ClaimAllAsync("b-worker"));
            Assert.Equal(TenantB, own.Message.TenantId);
        }

        using (Host.Tenants.BeginSystemScope())
        {
            var all = Assert.Single(await ClaimAllAsync("system-worker"));
            Assert.Equal(TenantA, all.Message.TenantId);
        }
    }

    [Fact]
    public async Task Enqueueing_for_another_tenant_is_refused()
    {
        using var tenant = AsTenant(TenantA);

        await Assert.ThrowsAsync<TenantMismatchException>(() => EnqueueAsync(Message("p1") with { TenantId = TenantB }));
        Assert.Equal(0, await CountAsync("outbox"));
    }

    private async Task EnqueueAsync(params OutboxMessage[] messages)
    {
        await using var scope = Host.CreateScope();
        await scope.Outbox.EnqueueAsync(messages);
    }

    private static OutboxMessage Message(string partition) =>
        new(Guid.NewGuid(), "integration", partition, "test.message", "{\"n\":1}", new Dictionary<string, string> { ["h"] = "v" });
}

public sealed class PostgresOutboxTests(PostgresWriteSideDatabase database)
    : OutboxTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteOutboxTests(SqliteWriteSideDatabase database)
    : OutboxTests(database), IClassFixture<SqliteWriteSideDatabase>;
