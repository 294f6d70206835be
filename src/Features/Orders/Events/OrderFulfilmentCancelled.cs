using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

/// <summary>Fulfilment ended the order, its reservations released: <paramref name="Code"/> says why.</summary>
[EventType("orders.order_fulfilment_cancelled")]
public sealed record OrderFulfilmentCancelled(Guid OrderId, string Code, string Reason) : DomainEvent;
