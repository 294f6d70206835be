using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.MultiTenancy;

public static class MultiTenancyServiceCollectionExtensions
{
    /// <summary>
    /// The tenancy module: options from <c>MultiTenancy</c>, the configuration tenant store (another
    /// <see cref="ITenantStore"/> registered earlier wins), the resolver, and the ambient context.
    /// </summary>
    public static IServiceCollection AddReferenceMultiTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MultiTenancyOptions>(configuration.GetSection(MultiTenancyOptions.SectionName));
        services.TryAddSingleton<ITenantStore, ConfigurationTenantStore>();
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<ITenantContext, AmbientTenantContext>();
        return services;
    }
}
