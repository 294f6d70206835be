using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Cross-node wake-up over PostgreSQL: a commit sends <c>NOTIFY reference_events</c>; every node
/// LISTENs on one dedicated connection and raises its local <see cref="ProjectionSignal"/>. Best
/// effort by design: a lost notification costs at most the fallback poll interval. The listener
/// outlives its connection: when the connection breaks (server restart, <c>pg_terminate_backend</c>,
/// network) it reconnects, and wakes the workers once, since commits announced meanwhile were missed.
/// </summary>
public sealed partial class PostgresCommitNotifications(
    NpgsqlDataSource dataSource,
    ProjectionSignal signal,
    ILogger<PostgresCommitNotifications> logger) : BackgroundService, ICommitNotifier
{
    public const string Channel = "reference_events";

    /// <summary>How long the listener waits idle before a round trip proves its connection still works.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    /// <summary>The pause before reconnecting after the connection failed.</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

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
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever broke the connection, the listener must live on: a crashed background service stops the host.
                LogListenFailed(ex);
            }

            try
            {
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, _) => signal.Notify();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        LogListening(connection.ProcessID);
        signal.Notify();
        while (!stoppingToken.IsCancellationRequested)
        {
            // A connection that died silently (no FIN from a vanished peer) would wait forever: probe it when idle.
            if (!await connection.WaitAsync(KeepAliveInterval, stoppingToken))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the commit notification; other nodes fall back to polling")]
    private partial void LogNotifyFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit notification listener lost its connection; reconnecting")]
    private partial void LogListenFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for commit notifications (backend {ProcessId})")]
    private partial void LogListening(int processId);
}
