using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Reference.Infrastructure.Jobs;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Projections;

public static class ProjectionsServiceCollectionExtensions
{
    /// <summary>
    /// The projections: those declared in the feature assemblies, the engine that runs them (sections
    /// <c>Projections</c> and <c>Projections:Admin</c>, validated at start-up), the commit signal that wakes it,
    /// and its recurring jobs. The read store they write to is registered by <c>AddReadStore</c>.
    /// </summary>
    public static IServiceCollection AddProjections(this IServiceCollection services, IConfiguration configuration, params Assembly[] featureAssemblies)
    {
        services.AddProjectionsFrom(featureAssemblies);
        services.AddProjectionEngine(configuration);
        services.AddProjectionAdmin(configuration);
        services.TryAddSingleton<ProjectionJobs>();
        services.AddRecurringJob<ProjectionJobs>(ProjectionJobs.CatchUpJobId, j => j.CatchUpAsync(CancellationToken.None), CatchUpCron);
        services.AddRecurringJob<ProjectionJobs>(ProjectionJobs.PurgeRetiredJobId, j => j.PurgeRetiredGenerationsAsync(CancellationToken.None), CleanupCron);
        AddCommitSignals(services);
        AddHorizonWatch(services);
        return services;
    }

    /// <summary>The engine alone: the per-node daemon, rebuilds, dead-letter re-drives and metrics.</summary>
    public static IServiceCollection AddProjectionEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProjectionOptions>()
            .Bind(configuration.GetSection(ProjectionOptions.Section))
            .Validate(o => o.HorizonWarningAfter > TimeSpan.Zero, $"{ProjectionOptions.Section}:{nameof(ProjectionOptions.HorizonWarningAfter)} must be a positive time span.")
            .Validate(o => o.HorizonCheckInterval > TimeSpan.Zero, $"{ProjectionOptions.Section}:{nameof(ProjectionOptions.HorizonCheckInterval)} must be a positive time span.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITenantContext, AmbientTenantContext>();
        services.TryAddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        services.TryAddSingleton<ProjectionSignal>();
        services.TryAddSingleton<IProjectionEventSource, EventStoreProjectionSource>();
        services.TryAddSingleton<ProjectionCatchUp>();
        services.TryAddSingleton<ProjectionMetrics>();
        services.TryAddSingleton<ProjectionRebuilder>();
        services.TryAddSingleton<ProjectionDeadLetterRedriver>();
        services.AddHostedService<ProjectionDaemon>();
        return services;
    }

    private static string CatchUpCron(IServiceProvider services) => services.GetRequiredService<IOptions<JobsOptions>>().Value.CatchUpCron;

    private static string CleanupCron(IServiceProvider services) => services.GetRequiredService<IOptions<JobsOptions>>().Value.CleanupCron;

    // The event store tells every observer once an append has committed; this one wakes this node's
    // workers and, on PostgreSQL, the other nodes' (LISTEN/NOTIFY).
    private static void AddCommitSignals(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.AddSingleton<PostgresCommitNotifications>();
            services.AddSingleton<ICommitNotifier>(sp => sp.GetRequiredService<PostgresCommitNotifications>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresCommitNotifications>());
        }
        else
        {
            services.AddSingleton<ICommitNotifier, NoCommitNotifier>();
        }

        services.AddSingleton<IEventsCommittedObserver, ProjectionCommitObserver>();
    }

    // Only PostgreSQL's log waits for open transactions; SQLite has one writer at a time and nothing to watch.
    private static void AddHorizonWatch(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            services.TryAddSingleton<IProjectionHorizonProbe, PostgresHorizonProbe>();
            services.AddSingleton<ProjectionHorizonWatch>();
            services.AddHostedService(sp => sp.GetRequiredService<ProjectionHorizonWatch>());
        }
    }
}
