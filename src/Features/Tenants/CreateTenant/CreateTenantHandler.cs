using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants.CreateTenant;

public sealed class CreateTenantHandler(ITenantDirectory tenants) : ICommandHandler<CreateTenant, Result<TenantDetails>>
{
    public async ValueTask<Result<TenantDetails>> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        var change = await tenants.AddAsync(new NewTenant(command.Id, command.Name, command.Settings), cancellationToken);
        if (change != TenantChange.Applied)
        {
            return TenantErrors.For(change, command.Id);
        }

        return new TenantDetails(command.Id, command.Name, command.Settings, IsActive: true, TenantSource.Database, ReadOnly: false);
    }
}
