using Mediator;
using Reference.Features.Customers.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Customers.ChangeCustomerEmail;

public sealed class ChangeCustomerEmailHandler(IRepository<Customer, Guid> customers)
    : ICommandHandler<ChangeCustomerEmail, Result<CustomerVersion>>
{
    public async ValueTask<Result<CustomerVersion>> Handle(ChangeCustomerEmail command, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(command.CustomerId, cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("customer", command.CustomerId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.CustomerId.ToString(), command.ExpectedVersion, customer.Version);
        customer.ChangeEmail(command.Email);

        // No event, no save: every saved version of a customer is one event of its stream, which merges rely on.
        if (customer.PendingEvents.Count > 0)
        {
            await customers.SaveAsync(customer, cancellationToken);
        }

        return new CustomerVersion(customer.Id, customer.Version);
    }
}
