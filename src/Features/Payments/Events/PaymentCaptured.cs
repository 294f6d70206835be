using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Payments.Events;

[EventType("payments.payment_captured")]
public sealed record PaymentCaptured(Guid OrderId, decimal Amount, string Currency, string ProviderReference) : DomainEvent;
