using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Cross-node wake-up over PostgreSQL: a commit sends <c>NOTIFY reference_events</c>; every node
/// LISTENs and raises its local <see cref="ProjectionSignal"/>. Best effort by design: a lost
/// notification costs at most the fallback poll interval.
/// </summary>
public sealed partial class PostgresCommitNotifications(
    NpgsqlDataSource dataSource,
    ProjectionSignal signal,
    ILogger<PostgresCommitNotifications> logger) : BackgroundService, ICommitNotifier
{
    public const string Channel = "reference_events";

    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', '')");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            LogNotifyFailed(ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogListenFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the commit notification; other nodes fall back to polling")]
    private partial void LogNotifyFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit notification listener lost its connection; reconnecting")]
    private partial void LogListenFailed(Exception error);
}
