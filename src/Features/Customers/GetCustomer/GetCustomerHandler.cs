using Mediator;
using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers.GetCustomer;

public sealed class GetCustomerHandler(IRepository<Customer, Guid> customers) : IQueryHandler<GetCustomer, Result<CustomerDetails>>
{
    public async ValueTask<Result<CustomerDetails>> Handle(GetCustomer query, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(query.CustomerId, cancellationToken);
        return customer is null
            ? Error.NotFound("customer", query.CustomerId.ToString())
            : new CustomerDetails(customer.Id, customer.Name, customer.Email, customer.Version);
    }
}
