using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reference.Infrastructure.ReadStore;

namespace Reference.Web.Health;

/// <summary>
/// Ready when the read store answers within <see cref="Timeout"/>. In-process stores register no
/// <see cref="IReadStoreProbe"/> and are always ready.
/// </summary>
public sealed class ReadStoreReadyCheck(IEnumerable<IReadStoreProbe> probes) : IHealthCheck
{
    /// <summary>How long the store may take to answer before readiness gives up on it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        foreach (var probe in probes)
        {
            try
            {
                await probe.ProbeAsync(deadline.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The read store is not reachable.", ex);
            }
        }

        return HealthCheckResult.Healthy();
    }
}
