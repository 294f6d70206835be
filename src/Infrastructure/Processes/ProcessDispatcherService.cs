using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Processes;

/// <summary>Runs the command dispatcher on every node: passes while there is work, then waits for the signal or the poll.</summary>
public sealed partial class ProcessDispatcherService(
    ProcessCommandDispatcher dispatcher,
    ProcessSignal signal,
    IOptions<ProcessesOptions> options,
    TimeProvider time,
    ILogger<ProcessDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            try
            {
                if (await dispatcher.DispatchOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(ex);
            }

            try
            {
                await wake.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                // The fallback poll: retries that came due, leases that ran out.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Process command dispatch pass failed; retrying after the poll interval")]
    private partial void LogPassFailed(Exception error);
}
