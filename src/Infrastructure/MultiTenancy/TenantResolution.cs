namespace Reference.Infrastructure.MultiTenancy;

/// <summary>The outcome of resolving a request's tenant.</summary>
public abstract record TenantResolution
{
    /// <summary>A known tenant was found.</summary>
    public sealed record Resolved(TenantInfo Tenant) : TenantResolution;

    /// <summary>No strategy produced a tenant identifier.</summary>
    public sealed record Missing : TenantResolution;

    /// <summary>Identifiers were produced, but no store knows them.</summary>
    public sealed record Unknown(string TenantId) : TenantResolution;

    /// <summary>A store knows the tenant, but it has been deactivated.</summary>
    public sealed record Deactivated(string TenantId) : TenantResolution;

    /// <summary>The request (header, host or route) names another tenant than the token, and the caller may not switch tenants.</summary>
    public sealed record Mismatch(string ClaimTenant, string RequestedTenant) : TenantResolution;

    /// <summary>The token names no tenant, the request names one, and the caller may not act in a tenant its token does not name.</summary>
    public sealed record NotPermitted(string RequestedTenant) : TenantResolution;
}
