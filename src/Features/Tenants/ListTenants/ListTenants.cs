using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Tenants.ListTenants;

/// <summary>Every tenant of every store, ordered by id.</summary>
public sealed record ListTenants : ISystemQuery<IReadOnlyList<TenantDetails>>
{
    string IRequirePermission.RequiredPermission => TenantPermissions.Read;
}
