using Mediator;
using Reference.Features.Customers.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers.RenameCustomer;

public sealed class RenameCustomerHandler(IRepository<Customer, Guid> customers)
    : ICommandHandler<RenameCustomer, Result<CustomerVersion>>
{
    public async ValueTask<Result<CustomerVersion>> Handle(RenameCustomer command, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(command.CustomerId, cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("customer", command.CustomerId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.CustomerId.ToString(), command.ExpectedVersion, customer.Version);
        customer.Rename(command.Name);
        if (customer.PendingEvents.Count > 0)
        {
            await customers.SaveAsync(customer, cancellationToken);
        }

        return new CustomerVersion(customer.Id, customer.Version);
    }
}
