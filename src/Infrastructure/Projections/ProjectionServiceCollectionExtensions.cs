using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Projections;

/// <summary>Registers the projection engine: the per-node daemon, rebuilds, dead-letter re-drives and metrics.</summary>
public static class ProjectionServiceCollectionExtensions
{
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
}
