using Reference.Infrastructure.Projections;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;
using Reference.UnitTests.Projections.Support;

namespace Reference.UnitTests.Projections;

public sealed class ProjectionDaemonTests : IDisposable
{
    private readonly ProjectionHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task The_daemon_applies_new_events_after_a_signal()
    {
        var daemon = _h.NewDaemon("node-a");
        await daemon.StartAsync(CancellationToken.None);

        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"), new TallyAdded("t1", 2));
        _h.Signal.Notify();

        var tally = await Eventually.ReturnsAsync(() => _h.ReadAsync("acme", "t1"), t => t?.Total == 2);
        Assert.Equal(2, tally!.Applied);
        await daemon.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_nodes_share_the_work_through_the_lease_and_stopping_one_hands_over()
    {
        var first = _h.NewDaemon("node-a");
        await first.StartAsync(CancellationToken.None);
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        await Eventually.ReturnsAsync(() => _h.Checkpoints.GetAsync("tally", 1), c => c?.Owner == "node-a" && c.EventsProcessed == 1);

        var second = _h.NewDaemon("node-b");
        await second.StartAsync(CancellationToken.None);
        await first.StopAsync(CancellationToken.None);

        _h.Log.Append("acme", "s", new TallyAdded("t1", 5));
        _h.Signal.Notify();

        var tally = await Eventually.ReturnsAsync(() => _h.ReadAsync("acme", "t1"), t => t?.Total == 5);
        Assert.Equal(2, tally!.Applied);
        Assert.Equal("node-b", (await _h.Checkpoints.GetAsync("tally", 1))!.Owner);
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_fallback_poll_picks_up_events_without_any_signal()
    {
        var daemon = _h.NewDaemon("node-a");
        await daemon.StartAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(() => _h.Checkpoints.GetAsync("tally", 1), c => c?.Status == ProjectionStatus.Live);

        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));

        await Eventually.ReturnsAsync(() => _h.ReadAsync("acme", "t1"), t => t is not null);
        await daemon.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_while_a_committed_batch_is_still_returning_releases_the_lease()
    {
        var runner = new StopsAfterCommitRunner(_h.Runner);
        var daemon = _h.NewDaemon("node-a", runner);
        await daemon.StartAsync(CancellationToken.None);
        _h.Log.Append("acme", "s", new TallyOpened("t1", "x"));
        await Eventually.ReturnsAsync(() => _h.Checkpoints.GetAsync("tally", 1), c => c?.EventsProcessed == 1);

        // The next batch commits its checkpoint, then the stop cancels it before it returns.
        runner.HangAfterCommit = true;
        _h.Log.Append("acme", "s", new TallyAdded("t1", 5));
        _h.Signal.Notify();
        await runner.Committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await daemon.StopAsync(CancellationToken.None);

        var stored = await _h.Checkpoints.GetAsync("tally", 1);
        Assert.Equal((2L, (string?)null, (DateTimeOffset?)null), (stored!.EventsProcessed, stored.Owner, stored.LeaseUntil));
    }

    /// <summary>A runner whose batch, once armed, commits and then waits for the stop to cancel it.</summary>
    private sealed class StopsAfterCommitRunner(IProjectionRunner inner) : IProjectionRunner
    {
        public volatile bool HangAfterCommit;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IProjection Projection => inner.Projection;

        public async Task<ProjectionBatchResult> RunBatchAsync(Checkpoint leased, ProjectionMode mode, CancellationToken cancellationToken)
        {
            var result = await inner.RunBatchAsync(leased, mode, cancellationToken);
            if (HangAfterCommit && result.EventsRead > 0)
            {
                Committed.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return result;
        }

        public Task RedriveAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken) => inner.RedriveAsync(deadLetter, cancellationToken);

        public Task<int> GetServingGenerationAsync(CancellationToken cancellationToken) => inner.GetServingGenerationAsync(cancellationToken);

        public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken) => inner.PrepareGenerationAsync(generation, cancellationToken);

        public Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken) => inner.ActivateGenerationAsync(generation, cancellationToken);

        public Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken) => inner.PurgeGenerationAsync(generation, batchSize, cancellationToken);
    }
}
