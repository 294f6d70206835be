using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_cancelled")]
public sealed record OrderCancelled(Guid OrderId, string Reason) : DomainEvent;
