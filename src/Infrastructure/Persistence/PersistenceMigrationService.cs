using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Persistence;

/// <summary>
/// Applies migrations when the host starts if configured to (by default in Development), and
/// implements the explicit production command: <c>--Persistence:MigrateAndExit=true</c> migrates
/// and stops the host before it serves anything.
/// </summary>
public sealed partial class PersistenceMigrationService(
    PersistenceMigrator migrator,
    IOptions<PersistenceOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<PersistenceMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MigrateAndExit)
        {
            await migrator.MigrateAsync(cancellationToken);
            LogMigrated(logger, settings.Provider);
            lifetime.StopApplication();
            return;
        }

        // The embedded SQLite file is the app's own, so it is created and migrated on first run (ADR 0004).
        if (settings.MigrateOnStartup ?? (environment.IsDevelopment() || settings.Provider == PersistenceProvider.Sqlite))
        {
            await migrator.MigrateAsync(cancellationToken);
            LogMigrated(logger, settings.Provider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} database schema is up to date.")]
    private static partial void LogMigrated(ILogger logger, PersistenceProvider provider);
}
