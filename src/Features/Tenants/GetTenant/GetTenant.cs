using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Tenants.GetTenant;

public sealed record GetTenant(string Id) : ISystemQuery<TenantDetails>
{
    string IRequirePermission.RequiredPermission => TenantPermissions.Read;
}
