using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Reference.Infrastructure.Jobs;

/// <summary>Schedules every declared recurring job at start-up (idempotent: every node may do it).</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IEnumerable<RecurringJobDeclaration> declarations, IServiceProvider services)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var declaration in declarations)
        {
            recurring.AddOrUpdate(declaration.Id, declaration.Job, declaration.Cron(services), new RecurringJobOptions());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
