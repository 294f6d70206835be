using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_line_removed")]
public sealed record OrderLineRemoved(Guid OrderId, string Sku) : DomainEvent;
