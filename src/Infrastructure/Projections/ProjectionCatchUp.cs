using Microsoft.Extensions.Options;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// The safety net behind the per-node daemons: for every projection whose serving generation no
/// worker holds (all daemons down, or a lease left to expire), take the lease and drain the log.
/// Held leases are left alone, so it never competes with a healthy daemon.
/// </summary>
public sealed class ProjectionCatchUp(
    IEnumerable<IProjectionRunner> runners,
    ICheckpointStore checkpoints,
    ProjectionSignal signal,
    IOptions<ProjectionOptions> options,
    TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var owner = options.Value.NodeId + ":catch-up";
        var applied = 0;
        foreach (var runner in runners)
        {
            var generation = await runner.GetServingGenerationAsync(cancellationToken);
            var now = time.GetUtcNow();
            await checkpoints.TryCreateAsync(Checkpoint.New(runner.Projection.Name, generation, ProjectionStatus.Live, now), cancellationToken);
            var leased = await checkpoints.TryAcquireAsync(runner.Projection.Name, generation, owner, now + options.Value.LeaseDuration, now, cancellationToken);
            if (leased is null)
            {
                continue;
            }

            while (leased is not null)
            {
                var result = await runner.RunBatchAsync(leased, ProjectionMode.Live, cancellationToken);
                applied += result.EventsRead;
                leased = result.Checkpoint;
                if (result.CaughtUp)
                {
                    break;
                }
            }

            if (leased is not null)
            {
                await checkpoints.TrySaveAsync(leased with { Owner = null, LeaseUntil = null }, leased, cancellationToken);
            }
        }

        signal.Notify();
        return applied;
    }
}
