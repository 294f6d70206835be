using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Ports;
using Reference.UnitTests.Projections.Support;

namespace Reference.UnitTests.Projections;

public sealed class ProjectionRebuildTests : IDisposable
{
    private readonly ProjectionHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Rebuild_fills_a_new_generation_and_switches_reads_to_it()
    {
        for (var i = 0; i < 20; i++)
        {
            _h.Log.Append("acme", $"s{i}", new TallyOpened($"t{i}", "x"), new TallyAdded($"t{i}", i));
        }

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var rebuilder = _h.NewRebuilder();

        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);
        Assert.Equal(2, generation);
        Assert.Equal(generation, await rebuilder.StartAsync("tally", CancellationToken.None));
        await rebuilder.RunAsync("tally", generation, CancellationToken.None);

        Assert.Equal(2, await _h.Store.GetServingGenerationAsync());
        Assert.Equal(ProjectionStatus.Live, (await _h.Checkpoints.GetAsync("tally", 2))!.Status);
        Assert.Equal(40, (await _h.Checkpoints.GetAsync("tally", 2))!.EventsProcessed);
        Assert.Equal(19, (await _h.ReadAsync("acme", "t19"))!.Total);
    }

    [Fact]
    public async Task A_rebuild_reports_events_done_out_of_the_log_it_started_from()
    {
        for (var i = 0; i < 10; i++)
        {
            _h.Log.Append("acme", $"s{i}", new TallyOpened($"t{i}", "x"), new TallyAdded($"t{i}", i));
        }

        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var rebuilder = _h.NewRebuilder();
        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);
        var started = (await _h.Checkpoints.GetAsync("tally", generation))!;
        var now = DateTimeOffset.UtcNow;
        var leased = (await _h.Checkpoints.TryAcquireAsync("tally", generation, "node-a:rebuild", now.AddMinutes(1), now))!;

        var firstBatch = await _h.Runner.RunBatchAsync(leased, ProjectionMode.Rebuild, CancellationToken.None);
        var midway = ProjectionStatusView.Of((await _h.Checkpoints.GetAsync("tally", generation))!, _h.Metrics, DateTimeOffset.UtcNow);
        _h.Log.Append("acme", "s0", new TallyAdded("t0", 100));
        await _h.Checkpoints.TrySaveAsync(firstBatch.Checkpoint! with { Owner = null, LeaseUntil = null }, firstBatch.Checkpoint!);
        await rebuilder.RunAsync("tally", generation, CancellationToken.None);
        var done = ProjectionStatusView.Of((await _h.Checkpoints.GetAsync("tally", generation))!, _h.Metrics, DateTimeOffset.UtcNow);

        Assert.Equal(20, started.RebuildTotal);
        Assert.Equal((5L, 20L, 0.25), (midway.EventsProcessed, midway.RebuildTotal!.Value, midway.RebuildProgress!.Value));
        Assert.Equal(("Live", 21L, 20L, 1.0), (done.Status, done.EventsProcessed, done.RebuildTotal!.Value, done.RebuildProgress!.Value));
        Assert.Null(ProjectionStatusView.Of((await _h.Checkpoints.GetAsync("tally", 1))!, _h.Metrics, DateTimeOffset.UtcNow).RebuildProgress);
    }

    [Fact]
    public async Task A_failing_event_fails_the_rebuild_fast_and_the_serving_generation_is_untouched()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 13));
        _h.Projection.PoisonAmount = 13;
        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var rebuilder = _h.NewRebuilder();
        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);

        await Assert.ThrowsAsync<ProjectionRebuildFailedException>(() => rebuilder.RunAsync("tally", generation, CancellationToken.None));

        Assert.Equal(1, await _h.Store.GetServingGenerationAsync());
        var failed = await _h.Checkpoints.GetAsync("tally", generation);
        Assert.Equal(ProjectionStatus.Failed, failed!.Status);
        Assert.Contains("poison", failed.LastError, StringComparison.Ordinal);
        Assert.NotNull(await _h.ReadAsync("acme", "t1"));
    }

    [Fact]
    public async Task An_unreadable_event_stops_the_rebuild_with_its_position_and_type_and_the_serving_generation_is_untouched()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        await _h.DrainAsync(await _h.LeaseAsync("node-a"));
        var (_, at) = _h.Log.AppendUnreadable("acme", "s", typeof(TallyAdded), "the upcaster has a bug");
        var rebuilder = _h.NewRebuilder();
        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ProjectionRebuildFailedException>(() => rebuilder.RunAsync("tally", generation, CancellationToken.None));

        Assert.Equal((at, nameof(TallyAdded)), (error.Position, error.EventType));
        var failed = (await _h.Checkpoints.GetAsync("tally", generation))!;
        Assert.Equal(ProjectionStatus.Failed, failed.Status);
        Assert.Contains($"position {at.Position} (transaction {at.TransactionId}), event type 'TallyAdded'", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("the upcaster has a bug", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await _h.Store.GetServingGenerationAsync());
    }

    [Fact]
    public async Task Only_one_runner_rebuilds_a_generation()
    {
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        var rebuilder = _h.NewRebuilder();
        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await _h.Checkpoints.TryAcquireAsync("tally", generation, "other-node:rebuild", now.AddMinutes(1), now);

        await Assert.ThrowsAsync<ProjectionLeaseUnavailableException>(() => rebuilder.RunAsync("tally", generation, CancellationToken.None));
    }

    [Fact]
    public async Task Rebuild_under_live_traffic_never_serves_empty_reads_and_equals_a_build_from_scratch()
    {
        for (var i = 0; i < 30; i++)
        {
            _h.Log.Append("acme", $"s{i}", new TallyOpened($"t{i}", "x"), new TallyAdded($"t{i}", 1));
        }

        using var stop = new CancellationTokenSource();
        var daemon = _h.NewDaemon("node-a");
        await daemon.StartAsync(stop.Token);
        await Eventually.ReturnsAsync(() => _h.ReadAsync("acme", "t29"), t => t is not null);

        var writer = Task.Run(async () =>
        {
            for (var round = 0; round < 40; round++)
            {
                _h.Log.Append("acme", $"s{round % 30}", new TallyAdded($"t{round % 30}", 1));
                _h.Signal.Notify();
                await Task.Yield();
            }
        });
        var reader = Task.Run(async () =>
        {
            var misses = 0;
            while (!writer.IsCompleted || !stop.IsCancellationRequested)
            {
                if (await _h.ReadAsync("acme", "t7") is null)
                {
                    misses++;
                }

                if (writer.IsCompleted)
                {
                    break;
                }

                await Task.Yield();
            }

            return misses;
        });

        var rebuilder = _h.NewRebuilder();
        var generation = await rebuilder.StartAsync("tally", CancellationToken.None);
        await rebuilder.RunAsync("tally", generation, CancellationToken.None);
        await writer;
        Assert.Equal(0, await reader);

        // The daemon picks the new generation up and follows the writes made during the rebuild.
        var expectedEvents = 30 * 2 + 40;
        await Eventually.ReturnsAsync(() => _h.Checkpoints.GetAsync("tally", generation), c => c!.EventsProcessed == expectedEvents && c.Owner == "node-a");
        await daemon.StopAsync(CancellationToken.None);

        using var scratch = new ProjectionHarness();
        using var system = _h.Tenant.BeginSystemScope();
        foreach (var e in (await _h.Log.ReadAllAsync(default, 1000)).Events)
        {
            scratch.Log.Append(e.TenantId, e.StreamId, e.Data);
        }

        system.Dispose();
        await scratch.DrainAsync(await scratch.LeaseAsync("scratch"));
        for (var i = 0; i < 30; i++)
        {
            var rebuilt = await _h.ReadAsync("acme", $"t{i}");
            var fromScratch = await scratch.ReadAsync("acme", $"t{i}");
            Assert.Equal((fromScratch!.Total, fromScratch.Applied), (rebuilt!.Total, rebuilt.Applied));
        }

        Assert.Equal(ProjectionStatus.Retired, (await _h.Checkpoints.GetAsync("tally", 1))!.Status);
        Assert.True(await rebuilder.PurgeRetiredAsync(7, CancellationToken.None) > 0);
        Assert.Empty(await _h.Store.LoadAsync(1, [new ReadModelKey("acme", "t7")]));
    }
}
