using Microsoft.Extensions.DependencyInjection;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Persistence.Schema;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.IntegrationTests.Persistence;

/// <summary>
/// Outbox maintenance on both write-side databases: dead letters made by the real dispatch protocol, listed
/// through the filter module and re-driven per tenant, and processed rows purged in batches.
/// </summary>
public abstract class OutboxMaintenanceTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task A_tenant_lists_only_its_own_dead_letters_filtered_sorted_and_paged()
    {
        var first = await DeadLetterAsync(TenantA, "billing");
        var second = await DeadLetterAsync(TenantA, "billing");
        var third = await DeadLetterAsync(TenantA, "shipping");
        await DeadLetterAsync(TenantB, "billing");
        using (AsTenant(TenantA))
        {
            await EnqueueAsync(Message("billing"));
        }

        using (AsTenant(TenantA))
        {
            var all = await ListAsync(new ListQuery());
            Assert.Equal([first, second, third], all.Items.Select(d => d.MessageId));
            Assert.All(all.Items, d => Assert.Equal((TenantA, 1, "poison"), (d.TenantId, d.Attempts, d.LastError)));

            var billing = await ListAsync(new ListQuery(Filter: "destination=billing", PageSize: 1));
            Assert.Equal(2, billing.TotalCount);
            Assert.Equal([first], billing.Items.Select(d => d.MessageId));
            var next = await ListAsync(new ListQuery(Filter: "destination=billing", PageSize: 1, Cursor: billing.NextCursor));
            Assert.Equal([second], next.Items.Select(d => d.MessageId));

            // Timestamps convert on both databases (SQLite keeps them as Unix milliseconds).
            var newest = await ListAsync(new ListQuery(Sort: "-createdAt", Filter: "deadLetteredAt<=2999-01-01"));
            Assert.Equal(3, newest.TotalCount);
            Assert.Equal(newest.Items.Select(d => d.CreatedAt).OrderDescending(), newest.Items.Select(d => d.CreatedAt));
        }

        using (Host.Tenants.BeginSystemScope())
        {
            Assert.Equal(4, (await ListAsync(new ListQuery())).TotalCount);
        }
    }

    [Fact]
    public async Task Re_driving_reaches_only_the_tenants_own_dead_letters_and_makes_them_claimable_again()
    {
        var own = await DeadLetterAsync(TenantA, "billing");
        var other = await DeadLetterAsync(TenantA, "billing");
        var foreign = await DeadLetterAsync(TenantB, "billing");

        using (AsTenant(TenantA))
        {
            Assert.False(await MaintenanceAsync(m => m.RedriveAsync(foreign, CancellationToken.None)));
            Assert.Null(await MaintenanceAsync(m => m.FindDeadLetterAsync(foreign, CancellationToken.None)));
            Assert.True(await MaintenanceAsync(m => m.RedriveAsync(own, CancellationToken.None)));
            Assert.False(await MaintenanceAsync(m => m.RedriveAsync(own, CancellationToken.None)));

            await using var scope = Host.CreateScope();
            var again = Assert.Single(await scope.Outbox.ClaimAsync("worker-2", 10, TimeSpan.FromMinutes(1)));
            Assert.Equal((own, 1), (again.Message.MessageId, again.Attempts));

            Assert.Equal(1, await MaintenanceAsync(m => m.RedriveAllAsync(CancellationToken.None)));
            Assert.Null(await MaintenanceAsync(m => m.FindDeadLetterAsync(other, CancellationToken.None)));
        }

        using (AsTenant(TenantB))
        {
            Assert.Equal([foreign], (await ListAsync(new ListQuery())).Items.Select(d => d.MessageId));
        }
    }

    [Fact]
    public async Task Without_a_tenant_dead_letters_fail_closed()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => ListAsync(new ListQuery()));
        await Assert.ThrowsAsync<TenantRequiredException>(() => MaintenanceAsync(m => m.RedriveAllAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Processed_messages_older_than_the_cutoff_are_purged_a_batch_at_a_time()
    {
        var messages = new List<OutboxMessage>();
        using (AsTenant(TenantA))
        {
            messages.AddRange([Message("billing"), Message("billing"), Message("billing")]);
            await EnqueueAsync([.. messages]);
            await using var scope = Host.CreateScope();
            foreach (var delivery in await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1)))
            {
                await scope.Outbox.CompleteAsync(delivery.Message.MessageId, "worker");
            }

            await EnqueueAsync(Message("pending"));
        }

        var cutoff = DateTimeOffset.UtcNow.AddMinutes(1);
        Assert.Equal(2, await MaintenanceAsync(m => m.PurgeProcessedAsync(cutoff, batchSize: 2, CancellationToken.None)));
        Assert.Equal(1, await MaintenanceAsync(m => m.PurgeProcessedAsync(cutoff, batchSize: 2, CancellationToken.None)));
        Assert.Equal(0, await MaintenanceAsync(m => m.PurgeProcessedAsync(cutoff, batchSize: 2, CancellationToken.None)));
        Assert.Equal(1, await CountAsync("outbox"));
    }

    private async Task<Guid> DeadLetterAsync(string tenantId, string destination)
    {
        using var tenant = AsTenant(tenantId);
        var message = Message(destination);
        await EnqueueAsync(message);
        await using var scope = Host.CreateScope();
        await scope.Outbox.ClaimAsync("worker", 10, TimeSpan.FromMinutes(1));
        Assert.True(await scope.Outbox.FailAsync(message.MessageId, "worker", "poison", retryAt: null));
        return message.MessageId;
    }

    private Task<PagedResult<OutboxDeadLetter>> ListAsync(ListQuery query) => MaintenanceAsync(m => m.ListDeadLettersAsync(query, CancellationToken.None));

    private async Task<T> MaintenanceAsync<T>(Func<IOutboxMaintenance, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var maintenance = new EventStoreOutboxMaintenance(
            scope.ServiceProvider.GetRequiredService<EventStoreDbContext>(), Host.Tenants, TimeProvider.System);
        return await work(maintenance);
    }

    private async Task EnqueueAsync(params OutboxMessage[] messages)
    {
        await using var scope = Host.CreateScope();
        await scope.Outbox.EnqueueAsync(messages);
    }

    // One partition per message, so every message can be claimed in one pass.
    private static OutboxMessage Message(string destination) =>
        new(Guid.NewGuid(), destination, $"p-{Guid.NewGuid():N}", "test.message", "{}", new Dictionary<string, string>());
}

public sealed class PostgresOutboxMaintenanceTests(PostgresWriteSideDatabase database)
    : OutboxMaintenanceTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteOutboxMaintenanceTests(SqliteWriteSideDatabase database)
    : OutboxMaintenanceTests(database), IClassFixture<SqliteWriteSideDatabase>;
