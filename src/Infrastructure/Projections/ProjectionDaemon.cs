using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// The long-lived worker of a node: one loop per projection, each following the generation that
/// serves reads. A loop works while there are events, then sleeps until the commit signal (this
/// node or NOTIFY from another) or the fallback poll. The database lease on the checkpoint makes
/// sure only one node applies a projection at a time; the others stand by and take over when the
/// lease expires. Loops are independent: one failing projection never stalls another.
/// </summary>
public sealed partial class ProjectionDaemon(
    IEnumerable<IProjectionRunner> runners,
    ICheckpointStore checkpoints,
    ProjectionSignal signal,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ILogger<ProjectionDaemon> logger) : BackgroundService
{
    private readonly ProjectionOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(runners.Select(runner => Task.Run(() => FollowAsync(runner, stoppingToken), stoppingToken)));

    private async Task FollowAsync(IProjectionRunner runner, CancellationToken stoppingToken)
    {
        var follower = new Follower(runner, checkpoints, _options, time);
        var backoff = _options.FailureBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            try
            {
                if (await follower.StepAsync(stoppingToken))
                {
                    backoff = _options.FailureBackoff;
                    continue;
                }

                backoff = _options.FailureBackoff;
                await WaitAsync(wake, _options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store is unavailable or the batch could not commit: retry the same batch later.
                LogBatchFailed(runner.Projection.Name, ex);
                await follower.RecordErrorAsync(ex.Message, stoppingToken);
                await WaitAsync(Task.Delay(Timeout.Infinite, stoppingToken), backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.PollInterval.Ticks * 8));
            }
        }

        await follower.ReleaseAsync(CancellationToken.None);
    }

    private async Task WaitAsync(Task wake, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await wake.WaitAsync(timeout, time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // The fallback poll.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the loop condition ends it.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection}: batch failed, retrying")]
    private partial void LogBatchFailed(string projection, Exception error);

    /// <summary>The state of one projection's loop on this node: the checkpoint it holds, if any.</summary>
    private sealed class Follower(IProjectionRunner runner, ICheckpointStore checkpoints, ProjectionOptions options, TimeProvider time)
    {
        private Checkpoint? _leased;
        private int? _generation;

        private string Name => runner.Projection.Name;

        /// <summary>One step; true when there may be more work right away.</summary>
        public async Task<bool> StepAsync(CancellationToken cancellationToken)
        {
            var serving = await runner.GetServingGenerationAsync(cancellationToken);
            if (_leased is null || _leased.Generation != serving)
            {
                await RetireAsync(serving, cancellationToken);
                _generation = serving;
                _leased = await AcquireAsync(serving, cancellationToken);
                if (_leased is null)
                {
                    return false;
                }
            }

            var result = await runner.RunBatchAsync(_leased, ProjectionMode.Live, cancellationToken);
            _leased = result.Checkpoint;
            if (_leased is null)
            {
                return false;
            }

            if (result.EventsRead == 0)
            {
                await RenewIfDueAsync(cancellationToken);
            }

            return !result.CaughtUp;
        }

        public async Task RecordErrorAsync(string error, CancellationToken cancellationToken)
        {
            if (_leased is null)
            {
                return;
            }

            try
            {
                var next = _leased with { LastError = error, UpdatedAt = time.GetUtcNow() };
                _leased = await checkpoints.TrySaveAsync(next, _leased, cancellationToken) ? next : null;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The checkpoint store is down too; the loop keeps retrying and the error is in the log.
            }
        }

        /// <summary>
        /// Gives the lease up on shutdown, so another node takes over at once instead of after expiry.
        /// It re-reads the row: a stop can cancel a batch after its checkpoint committed, which leaves
        /// the copy this loop holds one step behind the stored one.
        /// </summary>
        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            if (_generation is not { } generation)
            {
                return;
            }

            try
            {
                var stored = await checkpoints.GetAsync(Name, generation, cancellationToken);
                if (stored is not null && stored.Owner == options.NodeId)
                {
                    await checkpoints.TrySaveAsync(stored with { Owner = null, LeaseUntil = null }, stored, cancellationToken);
                }
            }
            catch (Exception)
            {
                // Best effort: the lease expires on its own.
            }

            _leased = null;
            _generation = null;
        }

        private async Task RetireAsync(int serving, CancellationToken cancellationToken)
        {
            // A rebuild switched reads to a newer generation: the one this node followed is retired.
            if (_leased is { } old && old.Generation < serving)
            {
                await checkpoints.TrySaveAsync(old with { Status = ProjectionStatus.Retired, Owner = null, LeaseUntil = null }, old, cancellationToken);
            }

            _leased = null;
        }

        private async Task<Checkpoint?> AcquireAsync(int generation, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            await checkpoints.TryCreateAsync(Checkpoint.New(Name, generation, ProjectionStatus.Live, now), cancellationToken);
            var leased = await checkpoints.TryAcquireAsync(Name, generation, options.NodeId, now + options.LeaseDuration, now, cancellationToken);
            if (leased is { Status: not ProjectionStatus.Live })
            {
                // The rebuild that activated this generation stopped before marking it live.
                var live = leased with { Status = ProjectionStatus.Live };
                return await checkpoints.TrySaveAsync(live, leased, cancellationToken) ? live : null;
            }

            return leased;
        }

        private async Task RenewIfDueAsync(CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            if (_leased?.LeaseUntil is { } until && until - now > options.LeaseDuration / 2)
            {
                return;
            }

            _leased = await checkpoints.TryAcquireAsync(Name, _leased!.Generation, options.NodeId, now + options.LeaseDuration, now, cancellationToken);
        }
    }
}
