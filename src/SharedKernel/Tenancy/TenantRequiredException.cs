namespace Reference.SharedKernel.Tenancy;

/// <summary>Tenant-scoped work was attempted with no tenant in context. Fails closed.</summary>
public sealed class TenantRequiredException()
    : Exception("This operation requires a tenant, and none is set in the current context.");
