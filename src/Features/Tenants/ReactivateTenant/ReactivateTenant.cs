using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Tenants.ReactivateTenant;

/// <summary>Reactivates a database tenant. Requests for it resolve again from the next request on. Idempotent.</summary>
public sealed record ReactivateTenant(string Id) : ISystemCommand<TenantDetails>
{
    string IRequirePermission.RequiredPermission => TenantPermissions.Manage;

    string IAuditable.AuditResourceType => "Tenant";

    string? IAuditable.AuditResourceId => Id;
}
