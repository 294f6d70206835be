namespace Reference.Features.Orders.Fulfilment;

/// <summary>Order fulfilment (section <c>Orders:Fulfilment</c>).</summary>
public sealed class FulfilmentOptions
{
    public const string Section = "Orders:Fulfilment";

    /// <summary>Confirming an order starts fulfilment. Off, a confirmed order stays confirmed (as before fulfilment existed).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long fulfilment waits for the payment provider's answer before it cancels the order (<c>payment-timeout</c>).</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
