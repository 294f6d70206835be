using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Projections;

namespace Reference.Web.Health;

/// <summary>
/// <c>Degraded</c> while a write transaction older than <c>Projections:HorizonWarningAfter</c> is open in the
/// database: projections cannot read any event committed after it began, so read models stop following writes
/// until it ends. The entry names the session (pid, state, application) so an operator can end it; the node still
/// serves, so readiness stays 200. Stores without a horizon (SQLite) register no probe and are always healthy here.
/// </summary>
public sealed class ProjectionHorizonReadyCheck(IEnumerable<IProjectionHorizonProbe> probes, IOptions<ProjectionOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ReadStoreReadyCheck.Timeout);
        foreach (var probe in probes)
        {
            OpenWriteTransaction? oldest;
            try
            {
                oldest = await probe.FindOldestAsync(deadline.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Degraded("What holds the projection horizon back could not be checked.", ex);
            }

            if (oldest is not null && oldest.Age >= options.Value.HorizonWarningAfter)
            {
                var seconds = Math.Round(oldest.Age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return HealthCheckResult.Degraded(
                    $"A write transaction open for {seconds} s holds the projection horizon back: pid {oldest.ProcessId} " +
                    $"({oldest.State}, application '{oldest.ApplicationName}'); {oldest.HeldBackEvents} committed event(s) wait behind it. " +
                    "Read models do not follow writes until it ends (docs/persistence.md, \"A transaction left open\").",
                    data: new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["pid"] = oldest.ProcessId,
                        ["state"] = oldest.State,
                        ["applicationName"] = oldest.ApplicationName ?? "",
                        ["transactionAgeSeconds"] = Math.Round(oldest.Age.TotalSeconds, 1),
                        ["heldBackEvents"] = oldest.HeldBackEvents,
                    });
            }
        }

        return HealthCheckResult.Healthy();
    }
}
