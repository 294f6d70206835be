using Reference.Features.Payments.Events;
using Reference.SharedKernel.Domain;

namespace Reference.Features.Payments.Domain;

/// <summary>The payment of one order: captured or declined once, and that outcome stands (capture is idempotent by order id).</summary>
public sealed class Payment : EventSourcedAggregate<string>
{
    private Payment(string id)
        : base(id)
    {
    }

    public Guid OrderId { get; private set; }

    public bool IsSettled => Version > 0 || PendingEvents.Count > 0;

    public bool Captured { get; private set; }

    /// <summary>The stream id of an order's payment (prefixed: the order's own stream has the bare order id).</summary>
    public static string IdOf(Guid orderId) => $"payment:{orderId}";

    public static Payment ForReplay(string id) => new(id);

    public static Payment For(Guid orderId) => new(IdOf(orderId)) { OrderId = orderId };

    public void Record(PaymentOutcome outcome, decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (IsSettled)
        {
            return;
        }

        Emit(outcome.Approved
            ? new PaymentCaptured(OrderId, amount, currency, outcome.ProviderReference)
            : new PaymentDeclined(OrderId, amount, currency, outcome.DeclineReason ?? "declined"));
    }

    protected override void Apply(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case PaymentCaptured captured:
                OrderId = captured.OrderId;
                Captured = true;
                break;
            case PaymentDeclined declined:
                OrderId = declined.OrderId;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "Not a payment event.");
        }
    }
}
