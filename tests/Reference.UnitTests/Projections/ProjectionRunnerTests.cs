using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.UnitTests.Projections.Support;

namespace Reference.UnitTests.Projections;

public sealed class ProjectionRunnerTests : IDisposable
{
    private readonly ProjectionHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Events_are_folded_into_documents_and_the_checkpoint_follows()
    {
        _h.Log.Append("acme", "tally-1", new TallyOpened("t1", "first"), new TallyAdded("t1", 5), new TallyAdded("t1", 7));
        var leased = await _h.LeaseAsync("node-a");

        var checkpoint = await _h.DrainAsync(leased);

        var tally = await _h.ReadAsync("acme", "t1");
        Assert.Equal(12, tally!.Total);
        Assert.Equal(3, tally.Applied);
        Assert.Equal("acme", tally.TenantId);
        Assert.Equal(3, checkpoint.EventsProcessed);
        Assert.Equal(checkpoint.Position, (await _h.Checkpoints.GetAsync("tally", 1))!.Position);
    }

    [Fact]
    public async Task A_late_committing_transaction_is_neither_skipped_nor_doubled()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        var leased = await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        // T1 takes the lower positions but commits after T2.
        var t1 = _h.Log.Begin();
        t1.Write("acme", "s", new TallyAdded("t1", 1), new TallyAdded("t1", 2));
        var t2 = _h.Log.Begin();
        t2.Write("acme", "s", new TallyAdded("t1", 10));
        t2.Commit();

        leased = await _h.DrainAsync(leased);
        Assert.Equal(0, (await _h.ReadAsync("acme", "t1"))!.Total);

        t1.Commit();
        leased = await _h.DrainAsync(leased);
        await _h.DrainAsync(leased);

        var tally = await _h.ReadAsync("acme", "t1");
        Assert.Equal(13, tally!.Total);
        Assert.Equal(4, tally.Applied);
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_a_gap_that_does_not_stall_the_projection()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        var rolledBack = _h.Log.Begin();
        rolledBack.Write("acme", "s", new TallyAdded("t1", 100));
        rolledBack.Rollback();
        _h.Log.Append("acme", "s", new TallyAdded("t1", 1));

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Equal(1, (await _h.ReadAsync("acme", "t1"))!.Total);
    }

    [Fact]
    public async Task A_restarted_runner_resumes_from_the_checkpoint_without_duplicates()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 1));
        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        _h.Log.Append("acme", "s", new TallyAdded("t1", 2));

        // A new process: fresh runner, same stores; the old lease expired.
        var resumed = (await _h.Checkpoints.TryAcquireAsync("tally", 1, "node-b", DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow.AddMinutes(2)))!;
        await _h.DrainAsync(resumed, _h.NewRunner());

        var tally = await _h.ReadAsync("acme", "t1");
        Assert.Equal(3, tally!.Total);
        Assert.Equal(3, tally.Applied);
    }

    [Fact]
    public async Task Replaying_after_a_crash_between_document_write_and_checkpoint_is_harmless()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 4));
        var leased = await _h.LeaseAsync("node-a");
        ReadAllPage page;
        using (_h.Tenant.BeginSystemScope())
        {
            page = await _h.Log.ReadAllAsync(LogPosition.Start, 10);
        }

        // The documents were written (as by a store without transactions), then the process died before the checkpoint.
        var written = new Tally { Label = "x", Total = 4, Applied = 2 };
        await _h.Store.CommitAsync(new ReadModelBatch<Tally>(
            1, [new ReadModelWrite<Tally>(new ReadModelKey("acme", "t1"), written, page.Next)], Checkpoint: null));

        await _h.DrainAsync(leased);

        var tally = await _h.ReadAsync("acme", "t1");
        Assert.Equal(4, tally!.Total);
        Assert.Equal(2, tally.Applied);
    }

    [Fact]
    public async Task A_zombie_that_lost_its_lease_cannot_write_or_move_the_checkpoint()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        var zombie = await _h.LeaseAsync("node-a", lease: TimeSpan.FromMilliseconds(1));
        var successor = await Eventually.ReturnsAsync(
            () => _h.Checkpoints.TryAcquireAsync("tally", 1, "node-b", DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow),
            c => c is not null);

        var result = await _h.Runner.RunBatchAsync(zombie, ProjectionMode.Live, CancellationToken.None);

        Assert.Null(result.Checkpoint);
        Assert.Null(await _h.ReadAsync("acme", "t1"));
        Assert.Equal("node-b", (await _h.Checkpoints.GetAsync("tally", 1))!.Owner);
        await _h.DrainAsync(successor!);
        Assert.NotNull(await _h.ReadAsync("acme", "t1"));
    }

    [Fact]
    public async Task Event_types_the_projection_does_not_handle_are_skipped()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new SomethingElseHappened("newer feature"), new TallyAdded("t1", 3));

        var checkpoint = await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Equal(3, (await _h.ReadAsync("acme", "t1"))!.Total);
        Assert.Equal(3, checkpoint.EventsProcessed);
        Assert.Empty(await _h.DeadLetters.ListAsync(null, includeRedriven: true, 10));
    }

    [Fact]
    public async Task A_poison_event_is_dead_lettered_the_rest_continue_and_a_redrive_after_the_fix_applies_it()
    {
        _h.Projection.PoisonAmount = 13;
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 1), new TallyAdded("t1", 13), new TallyAdded("t1", 2));
        _h.Log.Append("acme", "s2", new TallyOpened("t2", "y"), new TallyAdded("t2", 5));

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        var tally = await _h.ReadAsync("acme", "t1");
        Assert.Equal(3, tally!.Total);
        Assert.Equal(3, tally.Applied);
        Assert.Equal(5, (await _h.ReadAsync("acme", "t2"))!.Total);
        var deadLetter = Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
        Assert.Equal(nameof(TallyAdded), deadLetter.EventType);
        Assert.Contains("poison", deadLetter.Error, StringComparison.Ordinal);

        _h.Projection.PoisonAmount = null;
        Assert.True(await _h.NewRedriver().RedriveAsync(deadLetter.Id, CancellationToken.None));
        Assert.False(await _h.NewRedriver().RedriveAsync(deadLetter.Id, CancellationToken.None));

        Assert.Equal(16, (await _h.ReadAsync("acme", "t1"))!.Total);
        Assert.Empty(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
    }

    [Fact]
    public async Task Redriving_a_still_broken_event_fails_and_keeps_the_dead_letter()
    {
        _h.Projection.PoisonAmount = 13;
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 13));
        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var deadLetter = Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.NewRedriver().RedriveAsync(deadLetter.Id, CancellationToken.None));

        Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
    }

    [Fact]
    public async Task An_unreadable_event_of_a_handled_type_is_dead_lettered_and_the_events_after_it_are_applied()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        var (unreadableId, unreadableAt) = _h.Log.AppendUnreadable("acme", "s", typeof(TallyAdded), "schema version 9 is newer than 1");
        _h.Log.Append("acme", "s", new TallyAdded("t1", 4));

        var checkpoint = await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Equal(4, (await _h.ReadAsync("acme", "t1"))!.Total);
        Assert.True(checkpoint.Position > unreadableAt);
        Assert.Equal(3, checkpoint.EventsProcessed);
        var deadLetter = Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
        Assert.Equal((unreadableId, nameof(TallyAdded), unreadableAt, "acme"), (deadLetter.EventId, deadLetter.EventType, deadLetter.Position, deadLetter.TenantId));
        Assert.Contains("newer", deadLetter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_event_of_a_type_the_projection_does_not_handle_is_not_its_dead_letter()
    {
        _h.Log.AppendUnreadable("acme", "s", typeof(SomethingElseHappened));
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));

        var checkpoint = await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.NotNull(await _h.ReadAsync("acme", "t1"));
        Assert.Equal(2, checkpoint.EventsProcessed);
        Assert.Empty(await _h.DeadLetters.ListAsync(null, includeRedriven: true, 10));
    }

    [Fact]
    public async Task An_unreadable_event_whose_type_the_reader_cannot_name_is_dead_lettered_rather_than_stepped_over()
    {
        _h.Log.AppendUnreadable("acme", "s", dataType: null);

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
    }

    [Fact]
    public async Task Redriving_an_event_that_still_cannot_be_read_fails_with_the_reason_and_keeps_the_dead_letter()
    {
        _h.Log.AppendUnreadable("acme", "s", typeof(TallyOpened), "the upcaster has a bug");
        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var deadLetter = Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _h.NewRedriver().RedriveAsync(deadLetter.Id, CancellationToken.None));

        Assert.Contains("the upcaster has a bug", error.Message, StringComparison.Ordinal);
        Assert.Single(await _h.DeadLetters.ListAsync("tally", includeRedriven: false, 10));
    }

    [Fact]
    public async Task Same_document_ids_in_two_tenants_stay_apart()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "acme's"), new TallyAdded("t1", 1));
        _h.Log.Append("globex", "s", new TallyOpened("t1", "globex's"), new TallyAdded("t1", 100));

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Equal(("acme's", 1), ((await _h.ReadAsync("acme", "t1"))!.Label, (await _h.ReadAsync("acme", "t1"))!.Total));
        Assert.Equal(("globex's", 100), ((await _h.ReadAsync("globex", "t1"))!.Label, (await _h.ReadAsync("globex", "t1"))!.Total));
        Assert.Null(await _h.ReadAsync("initech", "t1"));
    }

    [Fact]
    public async Task A_delete_event_removes_the_document()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyClosed("t1"));

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));

        Assert.Null(await _h.ReadAsync("acme", "t1"));
    }
}
