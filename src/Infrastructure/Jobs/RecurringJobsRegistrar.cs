using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit;

namespace Reference.Infrastructure.Jobs;

/// <summary>Declares the recurring jobs at start-up (idempotent: every node may do it).</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IOptions<JobsOptions> options, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ProjectionJobs>("projections-catch-up", j => j.CatchUpAsync(CancellationToken.None), options.Value.CatchUpCron);
        recurring.AddOrUpdate<ProjectionJobs>("projections-purge-retired", j => j.PurgeRetiredGenerationsAsync(CancellationToken.None), options.Value.CleanupCron);
        if (services.GetService(typeof(OutboxJobs)) is not null)
        {
            recurring.AddOrUpdate<OutboxJobs>("outbox-cleanup", j => j.CleanupAsync(CancellationToken.None), options.Value.CleanupCron);
        }

        if (services.GetService(typeof(AuditJobs)) is not null)
        {
            var retention = services.GetRequiredService<IOptions<AuditOptions>>().Value.Retention;
            recurring.AddOrUpdate<AuditJobs>("audit-retention", j => j.PruneAsync(CancellationToken.None), retention.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
