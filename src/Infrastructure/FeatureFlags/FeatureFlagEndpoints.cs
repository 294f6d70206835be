using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reference.Infrastructure.FeatureFlags;

/// <summary><c>GET /api/features</c>: every configured flag and whether it is on for the caller, in the caller's tenant.</summary>
public static class FeatureFlagEndpoints
{
    public const string Route = "/api/features";
    public const string Tag = "Features";
    public const string TagDescription = "The feature flags (Microsoft.FeatureManagement, `FeatureManagement` section) and their state for the caller.";

    public static IEndpointRouteBuilder MapFeatureFlags(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Route, async (IFeatureFlags flags, CancellationToken ct) => Results.Ok(new FeatureList(await flags.ListAsync(ct))))
            .WithTags(Tag)
            .WithName("ListFeatures")
            .WithSummary("Lists the feature flags and their state for the caller.")
            .WithDescription("Every flag under `FeatureManagement`, on or off for the caller's tenant, user and roles. Needs an authenticated caller in a tenant.")
            .Produces<FeatureList>();
        return endpoints;
    }
}
