using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reference.Features;

/// <summary>
/// Runs every slice's <see cref="IFeatureModule"/>, found in <see cref="FeaturesAssembly"/> like the endpoints, handlers,
/// validators, projections, event types and row-access policies: the composition root names no slice, and adding or
/// removing a slice folder is the whole change. Modules run in name order, so the container is the same on every start.
/// </summary>
public static class FeatureModules
{
    public static IReadOnlyList<Type> All { get; } = [.. FeaturesAssembly.Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static IServiceCollection AddFeatureModules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var module in All)
        {
            ((IFeatureModule)Activator.CreateInstance(module)!).Register(services, configuration);
        }

        return services;
    }
}
