using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events;

[EventType("customers.customer_registered")]
public sealed record CustomerRegistered(Guid CustomerId, string Name, string Email) : DomainEvent;
