using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// Permissions that act across tenants start with <see cref="Prefix"/>, which the RBAC wildcard never grants
/// (<see cref="RbacPolicyEvaluator"/>): a tenant's <c>admin</c> holds <c>*</c>, so a cross-tenant surface guarded by any
/// other permission would be open to every tenant's admin. Settings that name such a permission are checked at
/// start-up with <see cref="ValidatePlatformPermission{TOptions}"/>.
/// </summary>
public static class PlatformPermissions
{
    public const string Prefix = RbacPolicyEvaluator.PlatformPrefix;

    public static bool IsPlatform(string? permission) =>
        permission is not null
        && permission.Length > Prefix.Length
        && permission.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(permission[Prefix.Length..]);

    /// <summary>Refuses to start when the permission <paramref name="key"/> names is not a platform one.</summary>
    public static OptionsBuilder<TOptions> ValidatePlatformPermission<TOptions>(
        this OptionsBuilder<TOptions> builder, Func<TOptions, string?> permission, string key)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(permission);
        return builder.Validate(
            options => IsPlatform(permission(options)),
            $"{key} must name a permission starting with '{Prefix}': it guards a surface that spans tenants, and the '*' of a tenant role grants every other permission.");
    }
}
