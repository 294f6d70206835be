using Microsoft.AspNetCore.Builder;

namespace Reference.Infrastructure.MultiTenancy;

/// <summary>
/// Endpoint metadata for the infrastructure's own endpoints that run without a tenant (platform operations that
/// span tenants); the features' endpoints say the same with <c>TenantNotRequiredAttribute</c>. The tenant
/// resolution middleware honours both.
/// </summary>
public sealed class TenantNotRequiredMetadata
{
    public static readonly TenantNotRequiredMetadata Instance = new();

    private TenantNotRequiredMetadata()
    {
    }
}

public static class TenantNotRequiredMetadataExtensions
{
    /// <summary>The endpoints run without a tenant: no tenant is resolved for them, none is required.</summary>
    public static TBuilder WithoutTenant<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(TenantNotRequiredMetadata.Instance);
}
