namespace Reference.SharedKernel.Identity;

/// <summary>Who is acting: the authenticated user, or a named system actor for background work.</summary>
public sealed record Principal(
    string UserId,
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    string? TenantId = null)
{
    public static readonly Principal Anonymous = new("anonymous", "anonymous", [], []);

    public bool IsAuthenticated => !ReferenceEquals(this, Anonymous) && UserId != Anonymous.UserId;

    public static Principal System(string name) => new($"system:{name}", name, ["system"], []);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public bool HasPermission(string permission) => Permissions.Contains(permission, StringComparer.OrdinalIgnoreCase);
}
