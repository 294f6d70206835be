using Mediator;
using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers.RegisterCustomer;

public sealed class RegisterCustomerHandler(IRepository<Customer, Guid> customers)
    : ICommandHandler<RegisterCustomer, Result<CustomerVersion>>
{
    public async ValueTask<Result<CustomerVersion>> Handle(RegisterCustomer command, CancellationToken cancellationToken)
    {
        var customer = Customer.Register(command.CustomerId, command.Name, command.Email);
        await customers.SaveAsync(customer, cancellationToken);
        return new CustomerVersion(customer.Id, customer.Version);
    }
}
