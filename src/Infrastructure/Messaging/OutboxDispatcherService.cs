using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Projections;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Runs the dispatcher on every node: while passes find messages it keeps going, then it sleeps
/// until the commit signal or the fallback poll. Several nodes dispatch safely side by side: the
/// outbox's claim (SKIP LOCKED + lease) gives each message to one of them.
/// </summary>
public sealed partial class OutboxDispatcherService(
    IServiceScopeFactory scopes,
    ProjectionSignal signal,
    IOptions<OutboxDispatcherOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            try
            {
                // The outbox joins a unit of work, which is scoped: one scope per pass.
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(stoppingToken) > 0)
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
                await wake.WaitAsync(poll, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                // The fallback poll.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed; retrying after the poll interval")]
    private partial void LogPassFailed(Exception error);
}
