using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Persistence;

/// <summary>Events, state, outbox rows and snapshots commit together or not at all.</summary>
public abstract class UnitOfWorkTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    [Fact]
    public async Task Everything_written_in_a_unit_of_work_commits_together_and_after_commit_actions_run_after()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        var customerId = Guid.NewGuid();
        var visibleWhenHookRan = -1L;

        await using (var scope = Host.CreateScope())
        {
            await using var unitOfWork = await scope.UnitOfWork.BeginAsync();
            await scope.EventStore.AppendAsync(stream, "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);
            await scope.Outbox.EnqueueAsync([Message("partition-1")]);
            await scope.Snapshots.SaveAsync(new Snapshot(stream, "item-state", 1, 1, "{\"count\":1}"));
            await scope.Customers.SaveAsync(Customer.Register(customerId, "Ada", "ada@example.test", new PostalAddress("1 Main St", "Springfield")));
            scope.UnitOfWork.AfterCommit(async _ => visibleWhenHookRan = await StreamVersionAsync(stream));

            Assert.Equal(0, await StreamVersionAsync(stream));
            await unitOfWork.CommitAsync();
        }

        Assert.Equal(1, visibleWhenHookRan);
        Assert.Equal(1, await StreamVersionAsync(stream));
        Assert.Equal(2, await CountAsync("outbox"));
        Assert.Equal(1, await CountAsync("snapshots"));
        await using var check = Host.CreateScope();
        Assert.NotNull(await check.Customers.GetAsync(customerId));
    }

    [Fact]
    public async Task A_failure_after_the_event_insert_leaves_nothing_of_the_transaction_visible()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        var hookRan = false;

        await using (var scope = Host.CreateScope())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var unitOfWork = await scope.UnitOfWork.BeginAsync();
                await scope.EventStore.AppendAsync(stream, "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);
                await scope.Outbox.EnqueueAsync([Message("partition-1")]);
                await scope.Customers.SaveAsync(Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test", new PostalAddress("s", "c")));
                scope.UnitOfWork.AfterCommit(_ =>
                {
                    hookRan = true;
                    return Task.CompletedTask;
                });
                throw new InvalidOperationException("Injected failure after the inserts.");
            });

            Assert.False(scope.UnitOfWork.IsActive);
        }

        Assert.False(hookRan);
        Assert.Equal(0, await StreamVersionAsync(stream));
        Assert.Equal(0, await CountAsync("events"));
        Assert.Equal(0, await CountAsync("streams"));
        Assert.Equal(0, await CountAsync("outbox"));
        Assert.Equal(0, await CountAsync("customer"));
    }

    [Fact]
    public async Task A_nested_unit_of_work_joins_the_outer_one_and_only_the_outer_commit_is_real()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await using var scope = Host.CreateScope();

        await using var outer = await scope.UnitOfWork.BeginAsync();
        await using (var inner = await scope.UnitOfWork.BeginAsync())
        {
            Assert.True(outer.IsOwner);
            Assert.False(inner.IsOwner);
            await scope.EventStore.AppendAsync(stream, "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);
            await inner.CommitAsync();
        }

        Assert.Equal(0, await StreamVersionAsync(stream));
        await outer.CommitAsync();
        Assert.Equal(1, await StreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_nested_unit_of_work_that_does_not_commit_rolls_back_the_outer_one()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await using var scope = Host.CreateScope();

        await using var outer = await scope.UnitOfWork.BeginAsync();
        await using (await scope.UnitOfWork.BeginAsync())
        {
            await scope.EventStore.AppendAsync(stream, "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => outer.CommitAsync());
        Assert.Equal(0, await StreamVersionAsync(stream));
    }

    [Fact]
    public async Task Inside_a_unit_of_work_reads_see_its_own_uncommitted_writes()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        await using var scope = Host.CreateScope();

        await using var unitOfWork = await scope.UnitOfWork.BeginAsync();
        await scope.EventStore.AppendAsync(stream, "Item", ExpectedVersion.NoStream, [new ItemAdded("a", 1)]);

        Assert.Equal(1, await scope.EventStore.GetStreamVersionAsync(stream));
        Assert.Single(await scope.EventStore.ReadStreamAsync(stream).ToListAsync());
    }

    [Fact]
    public async Task After_commit_actions_need_an_active_unit_of_work()
    {
        await using var scope = Host.CreateScope();

        Assert.Throws<InvalidOperationException>(() => scope.UnitOfWork.AfterCommit(_ => Task.CompletedTask));
    }

    private static OutboxMessage Message(string partition) =>
        new(Guid.NewGuid(), "integration", partition, "test.message", "{\"n\":1}", new Dictionary<string, string> { ["h"] = "v" });
}

public sealed class PostgresUnitOfWorkTests(PostgresWriteSideDatabase database)
    : UnitOfWorkTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteUnitOfWorkTests(SqliteWriteSideDatabase database)
    : UnitOfWorkTests(database), IClassFixture<SqliteWriteSideDatabase>;
