using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants.ReactivateTenant;

public sealed class ReactivateTenantHandler(ITenantDirectory tenants) : ICommandHandler<ReactivateTenant, Result<TenantDetails>>
{
    public async ValueTask<Result<TenantDetails>> Handle(ReactivateTenant command, CancellationToken cancellationToken)
    {
        var change = await tenants.SetActiveAsync(command.Id, isActive: true, cancellationToken);
        if (change != TenantChange.Applied)
        {
            return TenantErrors.For(change, command.Id);
        }

        // Read back inside the unit of work, so the answer is the row as it will commit.
        var tenant = await tenants.FindAsync(command.Id, cancellationToken);
        return tenant is null ? Error.NotFound(TenantErrors.Resource, command.Id) : TenantDetails.From(tenant);
    }
}
