using System.Linq.Expressions;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Reference.Infrastructure.Jobs;

/// <summary>
/// A recurring job that a capability declares with its own registration (projections, outbox, audit),
/// so the job server schedules it without knowing the capability. The schedule is read from the
/// host's options when the server starts.
/// </summary>
public sealed record RecurringJobDeclaration(string Id, Job Job, Func<IServiceProvider, string> Cron);

public static class RecurringJobDeclarations
{
    /// <summary>Declares <paramref name="id"/> to run <paramref name="method"/> on <paramref name="cron"/>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, string id, Expression<Func<TJob, Task>> method, Func<IServiceProvider, string> cron)
    {
        services.AddSingleton(new RecurringJobDeclaration(id, Job.FromExpression(method), cron));
        return services;
    }
}
