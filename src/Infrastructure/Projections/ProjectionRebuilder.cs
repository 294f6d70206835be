using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Zero-downtime rebuild: a new generation is filled from the start of the log while the serving
/// one keeps answering reads and following new events; once the new generation has caught up,
/// reads switch to it in one step and the old one is retired. The checkpoint lease makes the
/// rebuild single-runner across nodes; errors fail it fast, leaving the serving generation untouched.
/// </summary>
public sealed partial class ProjectionRebuilder(
    IEnumerable<IProjectionRunner> runners,
    ICheckpointStore checkpoints,
    IProjectionEventSource events,
    ProjectionSignal signal,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ILogger<ProjectionRebuilder> logger)
{
    private readonly ProjectionOptions _options = options.Value;

    private string Owner => _options.NodeId + ":rebuild";

    /// <summary>Creates the next generation to rebuild, or returns the one already being rebuilt.</summary>
    public async Task<int> StartAsync(string projection, CancellationToken cancellationToken)
    {
        var runner = RunnerFor(projection);
        var generations = await checkpoints.ListAsync(projection, cancellationToken);
        if (generations.FirstOrDefault(c => c.Status == ProjectionStatus.Rebuilding) is { } running)
        {
            return running.Generation;
        }

        var serving = await runner.GetServingGenerationAsync(cancellationToken);
        var next = Math.Max(serving, generations.Select(c => c.Generation).DefaultIfEmpty(0).Max()) + 1;
        await runner.PrepareGenerationAsync(next, cancellationToken);

        // The rebuild's target is the log as it is now; events committed meanwhile are extra work, read before the switch.
        var total = await events.CountAllAsync(cancellationToken);
        await checkpoints.TryCreateAsync(
            Checkpoint.New(projection, next, ProjectionStatus.Rebuilding, time.GetUtcNow()) with { RebuildTotal = total }, cancellationToken);
        return next;
    }

    /// <summary>Fills <paramref name="generation"/> up to the head of the log, then makes it serve.</summary>
    public async Task RunAsync(string projection, int generation, CancellationToken cancellationToken)
    {
        var runner = RunnerFor(projection);
        var now = time.GetUtcNow();
        var leased = await checkpoints.TryAcquireAsync(projection, generation, Owner, now + _options.LeaseDuration, now, cancellationToken)
            ?? throw new ProjectionLeaseUnavailableException(projection, generation);
        if (leased.Status != ProjectionStatus.Rebuilding)
        {
            await checkpoints.TrySaveAsync(leased with { Owner = null, LeaseUntil = null }, leased, cancellationToken);
            return;
        }

        while (true)
        {
            ProjectionBatchResult result;
            try
            {
                result = await runner.RunBatchAsync(leased, ProjectionMode.Rebuild, cancellationToken);
            }
            catch (ProjectionRebuildFailedException ex)
            {
                await checkpoints.TrySaveAsync(
                    leased with { Status = ProjectionStatus.Failed, LastError = ex.Message, Owner = null, LeaseUntil = null, UpdatedAt = time.GetUtcNow() },
                    leased,
                    cancellationToken);
                throw;
            }

            leased = result.Checkpoint ?? throw new ProjectionLeaseUnavailableException(projection, generation);
            if (result.CaughtUp)
            {
                break;
            }
        }

        await runner.ActivateGenerationAsync(generation, cancellationToken);
        await checkpoints.TrySaveAsync(
            leased with { Status = ProjectionStatus.Live, Owner = null, LeaseUntil = null, UpdatedAt = time.GetUtcNow() }, leased, cancellationToken);
        LogSwitched(projection, generation, leased.EventsProcessed);
        signal.Notify();
    }

    /// <summary>Removes the documents of retired generations, a batch at a time; returns how many were removed.</summary>
    public async Task<int> PurgeRetiredAsync(int batchSize, CancellationToken cancellationToken)
    {
        var purged = 0;
        foreach (var checkpoint in (await checkpoints.ListAsync(cancellationToken: cancellationToken)).Where(c => c.Status is ProjectionStatus.Retired or ProjectionStatus.Failed))
        {
            var runner = runners.FirstOrDefault(r => r.Projection.Name == checkpoint.Projection);
            if (runner is null || checkpoint.Generation == await runner.GetServingGenerationAsync(cancellationToken))
            {
                continue;
            }

            int removed;
            do
            {
                removed = await runner.PurgeGenerationAsync(checkpoint.Generation, batchSize, cancellationToken);
                purged += removed;
            }
            while (removed > 0);
        }

        return purged;
    }

    private IProjectionRunner RunnerFor(string projection) =>
        runners.FirstOrDefault(r => r.Projection.Name == projection) ?? throw new UnknownProjectionException(projection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projection {Projection} now serves generation {Generation} ({Events} events rebuilt)")]
    private partial void LogSwitched(string projection, int generation, long events);
}
