using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Events;

/// <summary>A user cancelled an order in fulfilment; fulfilment releases its reservations, then cancels it.</summary>
[EventType("orders.order_cancellation_requested")]
public sealed record OrderCancellationRequested(Guid OrderId, string Reason) : DomainEvent;
