using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.MultiTenancy;

namespace Reference.Infrastructure.Observability;

/// <summary>
/// Maps the Prometheus scrape endpoint (<c>Observability:Prometheus:Path</c>, <c>/metrics</c>) when it is enabled. It
/// runs without a tenant (metrics span tenants) and is anonymous as far as ASP.NET Core's authorization goes: who may
/// scrape is decided by the access gate (<see cref="MetricsEndpointMetadata"/>): an allowed network, or the permission.
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Prometheus;
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapPrometheusScrapingEndpoint(options.Path)
            .AllowAnonymous()
            .DisableRateLimiting()
            .WithoutTenant()
            .WithMetadata(MetricsEndpointMetadata.Instance)
            .ExcludeFromDescription();
        return endpoints;
    }
}
