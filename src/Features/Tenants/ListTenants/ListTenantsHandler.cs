using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants.ListTenants;

public sealed class ListTenantsHandler(ITenantDirectory tenants) : IQueryHandler<ListTenants, Result<IReadOnlyList<TenantDetails>>>
{
    public async ValueTask<Result<IReadOnlyList<TenantDetails>>> Handle(ListTenants query, CancellationToken cancellationToken) =>
        Result.Success<IReadOnlyList<TenantDetails>>([.. (await tenants.ListAsync(cancellationToken)).Select(TenantDetails.From)]);
}
