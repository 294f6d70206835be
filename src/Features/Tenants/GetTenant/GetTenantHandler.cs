using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants.GetTenant;

public sealed class GetTenantHandler(ITenantDirectory tenants) : IQueryHandler<GetTenant, Result<TenantDetails>>
{
    public async ValueTask<Result<TenantDetails>> Handle(GetTenant query, CancellationToken cancellationToken) =>
        await tenants.FindAsync(query.Id, cancellationToken) is { } tenant
            ? TenantDetails.From(tenant)
            : Error.NotFound(TenantErrors.Resource, query.Id);
}
