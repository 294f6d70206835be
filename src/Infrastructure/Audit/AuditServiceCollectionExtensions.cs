using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Audit.Database;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Persistence;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit module: options from <c>Audit</c>, the recorder used by the pipeline, the trail in the
    /// application database (<see cref="SqlAuditTrail"/>) with its schema's migrations (applied with the
    /// write side's), and retention pruning (run by the <see cref="AuditJobs"/> recurring job where a
    /// job server runs). Call after persistence is registered.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .Validate(o => o.VerifyPageSize is >= 1 and <= 10_000, $"{AuditOptions.SectionName}:{nameof(AuditOptions.VerifyPageSize)} must be between 1 and 10000.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IAuditRecorder, AuditRecorder>();
        services.AddScoped<IBeforeCommitHook, AuditSuccessHook>();
        services.AddMetrics();
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddScoped<IAuditTrail, SqlAuditTrail>();
        services.TryAddSingleton<AuditDbContextFactory>();
        services.AddSingleton<ISchemaMigration, AuditSchemaMigration>();
        services.TryAddSingleton<AuditRetentionPruner>();
        services.TryAddSingleton<AuditJobs>();
        services.AddRecurringJob<AuditJobs>(AuditJobs.RetentionJobId, j => j.PruneAsync(CancellationToken.None), sp => sp.GetRequiredService<IOptions<AuditOptions>>().Value.Retention.Cron);
        return services;
    }
}
