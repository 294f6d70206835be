namespace Reference.Features.Tenants;

/// <summary>
/// Platform permissions for tenant administration. They start with <c>platform.</c>, which the
/// RBAC wildcard never covers: a tenant's <c>admin</c> (<c>"*"</c>) cannot see or change other
/// tenants; only a role that names them (by default <c>platform-admin</c>) can.
/// </summary>
public static class TenantPermissions
{
    public const string Read = "platform.tenants.read";
    public const string Manage = "platform.tenants.manage";
}
