namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// Configuration section <c>Authorization:Rbac</c>: what each role may and may not do.
/// <c>"*"</c> grants every permission except the platform's (<c>platform.*</c>, see
/// <see cref="RbacPolicyEvaluator.PlatformPrefix"/>), which a role must name. A permission in <see cref="RolePermissions.Deny"/> is denied
/// even when another role or the token grants it.
/// </summary>
public sealed class RbacOptions
{
    public const string SectionName = "Authorization:Rbac";

    public Dictionary<string, RolePermissions> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RolePermissions
{
    public List<string> Allow { get; set; } = [];

    public List<string> Deny { get; set; } = [];
}
