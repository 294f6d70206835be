using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Looks every <see cref="ProjectionOptions.HorizonCheckInterval"/> for the oldest write transaction open in the
/// database. Its age goes to <c>reference.projection.horizon.blocked_seconds</c> (and the events committed behind it
/// to <c>reference.projection.horizon.held_events</c>); once it is older than
/// <see cref="ProjectionOptions.HorizonWarningAfter"/> it is logged as a warning, naming the session, because
/// projections wait for it, as they must, and would otherwise just look slow. The readiness entry
/// <c>projection-horizon</c> reports the same thing on demand.
/// </summary>
public sealed partial class ProjectionHorizonWatch(
    IProjectionHorizonProbe probe,
    ProjectionMetrics metrics,
    IOptions<ProjectionOptions> options,
    TimeProvider time,
    ILogger<ProjectionHorizonWatch> logger) : BackgroundService
{
    private readonly ProjectionOptions _options = options.Value;
    private (int ProcessId, long TransactionId)? _reported;

    /// <summary>One look: records the metrics and logs a blocker older than the warning age once per transaction.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var oldest = await probe.FindOldestAsync(cancellationToken);
        metrics.RecordHorizon(oldest?.Age.TotalSeconds ?? 0, oldest?.HeldBackEvents ?? 0);
        if (oldest is not null && oldest.Age >= _options.HorizonWarningAfter)
        {
            if (_reported != (oldest.ProcessId, oldest.TransactionId))
            {
                _reported = (oldest.ProcessId, oldest.TransactionId);
                LogBlocked(
                    oldest.ProcessId, oldest.State, oldest.ApplicationName ?? "", oldest.UserName ?? "", oldest.ClientAddress ?? "",
                    Math.Round(oldest.Age.TotalSeconds), oldest.HeldBackEvents);
            }

            return;
        }

        if (_reported is { } cleared)
        {
            _reported = null;
            LogCleared(cleared.ProcessId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable: the readiness check and the batch errors say so; keep watching.
                LogCheckFailed(ex);
            }

            try
            {
                await Task.Delay(_options.HorizonCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "A write transaction open for {AgeSeconds} s holds the projection horizon back: pid {ProcessId} ({State}), " +
        "application '{ApplicationName}', user '{UserName}', client '{ClientAddress}'; {HeldBackEvents} committed event(s) wait behind it. " +
        "End it with SELECT pg_terminate_backend({ProcessId}) if it is stuck, and set idle_in_transaction_session_timeout for every role (docs/persistence.md)")]
    private partial void LogBlocked(
        int processId, string state, string applicationName, string userName, string clientAddress, double ageSeconds, long heldBackEvents);

    [LoggerMessage(Level = LogLevel.Information, Message = "The write transaction of pid {ProcessId} no longer holds the projection horizon back")]
    private partial void LogCleared(int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The projection horizon could not be checked")]
    private partial void LogCheckFailed(Exception error);
}
