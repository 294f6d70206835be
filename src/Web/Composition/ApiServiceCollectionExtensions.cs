using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Reference.Features;
using Reference.Infrastructure.Audit;
using Reference.Infrastructure.Caching;
using Reference.Infrastructure.FeatureFlags;
using Reference.Infrastructure.Identity;
using Reference.Infrastructure.Locks;
using Reference.Infrastructure.MultiTenancy;
using Reference.Infrastructure.Observability;
using Reference.Infrastructure.RateLimiting;
using Reference.SharedKernel.Application;

namespace Reference.Web.Composition;

public static class ApiServiceCollectionExtensions
{
    public static readonly JsonStringEnumConverter EnumsAsNames = new(JsonNamingPolicy.CamelCase);

    /// <summary>
    /// Everything the HTTP API needs: identity, tenancy, audit, the mediator pipeline, validators,
    /// FastEndpoints with its OpenAPI document, and health checks. Persistence is registered separately.
    /// </summary>
    public static IServiceCollection AddReferenceApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.AddSingleton<ICorrelationContext, AmbientCorrelationContext>();
        services.AddIdentity(configuration);
        services.AddMultiTenancy(configuration);
        services.AddAudit(configuration);
        services.AddReferenceMediator();
        services.AddValidatorsFromAssembly(FeaturesAssembly.Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddRowAccessPolicies(FeaturesAssembly.Assembly);

        // Secure by default: anything without an explicit AllowAnonymous needs an authenticated caller.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Enums travel as camelCase names (outcome: "succeeded"), in minimal-API results as in FastEndpoints responses.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(EnumsAsNames));

        services.AddFastEndpoints(options =>
        {
            options.DisableAutoDiscovery = true;
            options.Assemblies = [FeaturesAssembly.Assembly];
        });
        services.AddApiDocument();

        services.AddHealthChecks();
        services.AddObservability(configuration);
        services.AddRateLimiting(configuration);
        services.AddFeatureFlags(configuration);
        services.AddCaching(configuration);
        services.AddLocks(configuration);
        return services;
    }
}
