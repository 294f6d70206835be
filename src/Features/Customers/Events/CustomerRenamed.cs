using Reference.Features.Customers.Domain;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events;

[EventType("customers.customer_renamed")]
public sealed record CustomerRenamed(Guid CustomerId, string PreviousName, string Name) : DomainEvent, IChangesFields
{
    IReadOnlyCollection<string> IChangesFields.ChangedFields => [CustomerFields.Name];
}
