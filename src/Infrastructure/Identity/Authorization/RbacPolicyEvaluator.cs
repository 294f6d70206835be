using Microsoft.Extensions.Options;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// Role-based access: the principal's roles map to permissions in configuration (re-read on
/// change), and a token may also carry explicit <c>permissions</c> claims. The wildcard grants
/// every tenant-level permission but no <see cref="PlatformPrefix"/> one: a tenant's <c>admin</c>
/// runs its own tenant, never the platform, so platform permissions are only ever granted by name.
/// </summary>
public sealed class RbacPolicyEvaluator(IOptionsMonitor<RbacOptions> options) : IPolicyEvaluator
{
    public const string Wildcard = "*";

    /// <summary>The prefix of system-level permissions (tenant administration), which <see cref="Wildcard"/> does not cover.</summary>
    public const string PlatformPrefix = "platform.";

    public ValueTask<PolicyVerdict> EvaluateAsync(Principal principal, string permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var roles = principal.Roles
            .Select(role => options.CurrentValue.Roles.GetValueOrDefault(role))
            .OfType<RolePermissions>()
            .ToList();

        if (roles.Any(r => Matches(r.Deny, permission)))
        {
            return ValueTask.FromResult(PolicyVerdict.Deny);
        }

        var permitted = principal.HasPermission(permission) || roles.Any(r => Matches(r.Allow, permission));
        return ValueTask.FromResult(permitted ? PolicyVerdict.Permit : PolicyVerdict.NotApplicable);
    }

    private static bool Matches(List<string> granted, string permission) =>
        granted.Exists(g => string.Equals(g, permission, StringComparison.OrdinalIgnoreCase)
            || (g == Wildcard && !permission.StartsWith(PlatformPrefix, StringComparison.OrdinalIgnoreCase)));
}
