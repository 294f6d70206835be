using Npgsql;
using Reference.IntegrationTests.Persistence.Support;
using Reference.SharedKernel.Events;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Persistence.Postgres;

/// <summary>
/// The PostgreSQL global log never lets a reader overtake a transaction that is still running
/// (ADR 0003), transactions that never commit leave nothing for readers to wait for, and
/// transactions of other databases on the same cluster do not count.
/// </summary>
public sealed class GlobalLogOrderingTests(PostgresWriteSideDatabase database)
    : WriteSideTestBase(database), IClassFixture<PostgresWriteSideDatabase>
{
    [Fact]
    public async Task An_event_committed_late_is_delivered_once_and_the_checkpoint_never_passes_it()
    {
        using var tenant = AsTenant(TenantA);
        var early = new ItemAdded("written-first-committed-last", 1);
        var late = new ItemAdded("written-second-committed-first", 2);

        await using var slowWriter = Host.CreateScope();
        var t1 = await slowWriter.UnitOfWork.BeginAsync();
        await slowWriter.EventStore.AppendAsync(NewStreamId(), "Item", ExpectedVersion.NoStream, [early]);
        await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, late);

        var whileT1Open = await ReadPageAsync(LogPosition.Start);
        Assert.Empty(whileT1Open.Events);
        Assert.Equal(LogPosition.Start, whileT1Open.Next);

        await t1.CommitAsync();
        await t1.DisposeAsync();
        var delivered = await FollowUntilAsync(whileT1Open.Next, expected: 2);

        Assert.Equal([early.EventId, late.EventId], delivered.Select(e => e.EventId));
        Assert.True(delivered[0].LogPosition < delivered[1].LogPosition);
    }

    [Fact]
    public async Task A_rolled_back_append_and_a_concurrency_loser_do_not_stall_the_reader()
    {
        using var tenant = AsTenant(TenantA);
        var stream = NewStreamId();
        var first = new ItemAdded("first", 1);
        var last = new ItemAdded("last", 3);
        await AppendAsync(stream, ExpectedVersion.NoStream, first);

        await using (var rolledBack = Host.CreateScope())
        {
            await using var unitOfWork = await rolledBack.UnitOfWork.BeginAsync();
            await rolledBack.EventStore.AppendAsync(NewStreamId(), "Item", ExpectedVersion.NoStream, [new ItemAdded("rolled-back", 2)]);
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(stream, ExpectedVersion.NoStream, new ItemAdded("loser", 2)));
        await AppendAsync(stream, ExpectedVersion.Exact(1), last);

        var delivered = await FollowUntilAsync(LogPosition.Start, expected: 2);

        Assert.Equal([first.EventId, last.EventId], delivered.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_writer_stuck_inside_a_transaction_is_ended_by_the_server_and_stops_holding_readers_back()
    {
        await using var host = await Database.StartFreshHostAsync(settings =>
            settings["Persistence:IdleInTransactionTimeout"] = "00:00:01");
        using var tenant = host.Tenants.BeginScope(TenantA);
        var stuck = new ItemAdded("never-committed", 1);
        var committed = new ItemAdded("committed", 2);

        await using var stuckScope = host.CreateScope();
        var stuckUnitOfWork = await stuckScope.UnitOfWork.BeginAsync();
        await stuckScope.EventStore.AppendAsync(NewStreamId(), "Item", ExpectedVersion.NoStream, [stuck]);
        await using (var writer = host.CreateScope())
        {
            await writer.EventStore.AppendAsync(NewStreamId(), "Item", ExpectedVersion.NoStream, [committed]);
        }

        var delivered = await FollowUntilAsync(LogPosition.Start, expected: 1, host);

        Assert.Equal([committed.EventId], delivered.Select(e => e.EventId));
        await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => stuckUnitOfWork.CommitAsync());
        await stuckUnitOfWork.DisposeAsync();
    }

    [Fact]
    public async Task A_transaction_open_in_another_database_of_the_cluster_does_not_hold_readers_back()
    {
        using var tenant = AsTenant(TenantA);
        var otherDatabase = await PostgresServer.Instance.CreateDatabaseAsync("unrelated");
        try
        {
            await using var unrelated = new NpgsqlConnection(otherDatabase);
            await unrelated.OpenAsync();
            await using var longTransaction = await unrelated.BeginTransactionAsync();
            await using (var takeXid = new NpgsqlCommand("SELECT pg_current_xact_id()", unrelated, longTransaction))
            {
                await takeXid.ExecuteScalarAsync();
            }

            var appended = new ItemAdded("committed-after-the-unrelated-transaction-began", 1);
            await AppendAsync(NewStreamId(), ExpectedVersion.NoStream, appended);

            var page = await ReadPageAsync(LogPosition.Start);

            Assert.Equal([appended.EventId], page.Events.Select(e => e.EventId));
            await longTransaction.RollbackAsync();
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(otherDatabase);
        }
    }

    private async Task<ReadAllPage> ReadPageAsync(LogPosition after)
    {
        await using var scope = Host.CreateScope();
        return await scope.EventStore.ReadAllAsync(after, 100);
    }

    /// <summary>Reads the log like a projection would, from a checkpoint, until enough events arrived or a deadline passed.</summary>
    private async Task<List<StoredEvent>> FollowUntilAsync(LogPosition checkpoint, int expected, PersistenceTestHost? host = null)
    {
        host ??= Host;
        var delivered = new List<StoredEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (delivered.Count < expected && DateTime.UtcNow < deadline)
        {
            await using var scope = host.CreateScope();
            var page = await scope.EventStore.ReadAllAsync(checkpoint, 100);
            delivered.AddRange(page.Events);
            Assert.True(page.Next >= checkpoint);
            checkpoint = page.Next;
            if (page.Events.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        // One more read proves nothing is delivered twice or late.
        await using (var scope = host.CreateScope())
        {
            delivered.AddRange((await scope.EventStore.ReadAllAsync(checkpoint, 100)).Events);
        }

        return delivered;
    }
}
