using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.FeatureManagement;

namespace Reference.Infrastructure.FeatureFlags;

public static class FeatureFlagsServiceCollectionExtensions
{
    /// <summary>
    /// Microsoft.FeatureManagement over the <c>FeatureManagement</c> section (re-read when the configuration reloads),
    /// with the <c>Tenants</c> filter and the targeting filter (users, groups, <c>tenant:{id}</c>) fed from the ambient
    /// principal; <see cref="IFeatureFlags"/> to ask a flag; the endpoint gates of <c>FeatureFlags:Gates</c>, each of
    /// which must name a flag that exists.
    /// </summary>
    public static IServiceCollection AddFeatureFlags(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var flags = configuration.GetSection(FeatureFlagsOptions.FlagsSectionName);
        services.AddOptions<FeatureFlagsOptions>()
            .Bind(configuration.GetSection(FeatureFlagsOptions.SectionName))
            .Validate(
                o => o.Gates.Keys.All(flag => flags.GetSection(flag).Exists()),
                $"{FeatureFlagsOptions.SectionName}:Gates must name flags defined under {FeatureFlagsOptions.FlagsSectionName}.")
            .Validate(
                o => o.Gates.Values.All(entries => entries.All(FeatureGates.IsWellFormed)),
                $"{FeatureFlagsOptions.SectionName}:Gates entries must read 'METHOD /route/template', e.g. 'POST /api/orders/{{id}}/cancel'.")
            .ValidateOnStart();

        services.AddFeatureManagement(flags)
            .AddFeatureFilter<TenantFeatureFilter>()
            .WithTargeting<PrincipalTargetingContextAccessor>();
        services.AddMetrics();
        services.TryAddSingleton<FeatureFlagsMetrics>();
        services.TryAddSingleton<IFeatureFlags, FeatureManagementFlags>();
        services.TryAddSingleton<FeatureGates>();
        return services;
    }
}
