using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events;

[EventType("customers.customer_email_changed")]
public sealed record CustomerEmailChanged(Guid CustomerId, string PreviousEmail, string Email) : DomainEvent, IChangesFields
{
    IReadOnlyCollection<string> IChangesFields.ChangedFields => [CustomerFields.Email];
}
