using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>Requires a permission of the application's model on an endpoint: 401 without a token, 403 without the permission.</summary>
public static class PermissionPolicies
{
    public static AuthorizationPolicy For(string permission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(permission))
            .Build();
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(permission));
}
