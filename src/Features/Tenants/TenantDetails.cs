using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants;

/// <summary>A tenant as the administration API shows it. <c>ReadOnly</c> tenants come from configuration and change only by deployment.</summary>
public sealed record TenantDetails(
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Settings,
    bool IsActive,
    TenantSource Source,
    bool ReadOnly)
{
    public static TenantDetails From(TenantEntry tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(tenant.Id, tenant.Name, tenant.Settings, tenant.IsActive, tenant.Source, tenant.Source == TenantSource.Configuration);
    }
}
