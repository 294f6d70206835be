namespace Reference.Infrastructure.Identity;

/// <summary>The token claims the application reads, by their JWT names (inbound claim mapping is off).</summary>
public static class ReferenceClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string UniqueName = "unique_name";
    public const string TenantId = "tenant_id";
    public const string Role = "role";
    public const string Permissions = "permissions";
}
