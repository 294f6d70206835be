using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Tenants.DeactivateTenant;

/// <summary>Deactivates a database tenant. Requests for it are refused (403 tenant-deactivated) from the next request on; its data is kept. Idempotent.</summary>
public sealed record DeactivateTenant(string Id) : ISystemCommand<TenantDetails>
{
    string IRequirePermission.RequiredPermission => TenantPermissions.Manage;

    string IAuditable.AuditResourceType => "Tenant";

    string? IAuditable.AuditResourceId => Id;
}
