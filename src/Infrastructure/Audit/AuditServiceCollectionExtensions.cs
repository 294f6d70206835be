using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit module: options from <c>Audit</c>, the recorder used by the pipeline, and the trail
    /// in the application database (<see cref="SqlAuditTrail"/>), whose table is created at start-up.
    /// Call after persistence is registered.
    /// </summary>
    public static IServiceCollection AddReferenceAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.SectionName));
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IAuditRecorder, AuditRecorder>();
        services.TryAddScoped<IAuditTrail, SqlAuditTrail>();
        services.AddHostedService<AuditSchema>();
        return services;
    }
}
