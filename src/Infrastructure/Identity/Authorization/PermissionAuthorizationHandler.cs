using Microsoft.AspNetCore.Authorization;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>Grants a <see cref="PermissionRequirement"/> when the enforcement point allows the permission to the caller.</summary>
public sealed class PermissionAuthorizationHandler(IPolicyEnforcementPoint policies) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var principal = PrincipalFactory.From(context.User);
        if (principal.IsAuthenticated && (await policies.EvaluateAsync(principal, requirement.Permission)).IsAllowed)
        {
            context.Succeed(requirement);
        }
    }
}
