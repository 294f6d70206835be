using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

[EventType("orders.order_placed")]
public sealed record OrderPlaced(Guid OrderId, Guid CustomerId, string Currency, IReadOnlyList<OrderLinePlaced> Lines) : DomainEvent;

public sealed record OrderLinePlaced(string Sku, int Quantity, decimal UnitPrice);
