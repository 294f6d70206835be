using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_line_added")]
public sealed record OrderLineAdded(Guid OrderId, string Sku, int Quantity, decimal UnitPrice) : DomainEvent;
