using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit;

namespace Reference.Infrastructure.Jobs;

/// <summary>Declares the recurring jobs at start-up (idempotent: every node may do it).</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IOptions<JobsOptions> options, IOptions<AuditOptions> audit, IServiceProviderIsService services) : IHostedService
{
    public const string CatchUp = "projections-catch-up";
    public const string PurgeRetired = "projections-purge-retired";
    public const string OutboxCleanup = "outbox-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ProjectionJobs>(CatchUp, j => j.CatchUpAsync(CancellationToken.None), options.Value.CatchUpCron);
        recurring.AddOrUpdate<ProjectionJobs>(PurgeRetired, j => j.PurgeRetiredGenerationsAsync(CancellationToken.None), options.Value.CleanupCron);
        if (services.IsService(typeof(OutboxJobs)))
        {
            recurring.AddOrUpdate<OutboxJobs>(OutboxCleanup, j => j.CleanupAsync(CancellationToken.None), options.Value.CleanupCron);
        }

        if (services.IsService(typeof(AuditJobs)))
        {
            var retention = audit.Value.Retention;
            recurring.AddOrUpdate<AuditJobs>("audit-retention", j => j.PruneAsync(CancellationToken.None), retention.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
