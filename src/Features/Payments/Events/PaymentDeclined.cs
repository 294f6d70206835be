using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Payments.Events;

[EventType("payments.payment_declined")]
public sealed record PaymentDeclined(Guid OrderId, decimal Amount, string Currency, string Reason) : DomainEvent;
