using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit module: options from <c>Audit</c> and the recorder used by the pipeline. The trail
    /// itself comes from persistence; the in-memory trail is only the fallback when none is registered.
    /// </summary>
    public static IServiceCollection AddReferenceAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.SectionName));
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IAuditRecorder, AuditRecorder>();
        services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        return services;
    }
}
