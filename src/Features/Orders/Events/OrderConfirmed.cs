using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_confirmed")]
public sealed record OrderConfirmed(Guid OrderId, decimal Total) : DomainEvent;
