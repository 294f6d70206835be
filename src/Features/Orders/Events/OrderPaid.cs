using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_paid")]
public sealed record OrderPaid(Guid OrderId) : DomainEvent;
