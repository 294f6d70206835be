namespace Reference.SharedKernel.Tenancy;

/// <summary>
/// A write targeted a row owned by another tenant than the ambient one. Never silently overwritten.
/// </summary>
public sealed class TenantMismatchException(string ambientTenant, string resource)
    : Exception($"Tenant '{ambientTenant}' cannot write '{resource}': it belongs to another tenant.")
{
    public string AmbientTenant { get; } = ambientTenant;

    public string Resource { get; } = resource;
}
