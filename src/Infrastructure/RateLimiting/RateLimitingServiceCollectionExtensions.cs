using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reference.Infrastructure.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Per-tenant, per-user and per-address request limits (<c>RateLimiting:*:PermitsPerMinute</c>), each off unless set.
    /// The web pipeline enforces them once the tenant is resolved; a refused request is a 429 problem with <c>Retry-After</c>.
    /// </summary>
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string section = RateLimitingOptions.SectionName;
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(section))
            .Validate(o => o.PerTenant.PermitsPerMinute is null or > 0, $"{section}:PerTenant:PermitsPerMinute must be a positive number (or unset for no limit).")
            .Validate(o => o.PerUser.PermitsPerMinute is null or > 0, $"{section}:PerUser:PermitsPerMinute must be a positive number (or unset for no limit).")
            .Validate(o => o.PerClientAddress.PermitsPerMinute is null or > 0, $"{section}:PerClientAddress:PermitsPerMinute must be a positive number (or unset for no limit).")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<RateLimitingMetrics>();
        services.TryAddSingleton<RequestRateLimiters>();
        return services;
    }
}
