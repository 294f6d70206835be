namespace Reference.Features.Orders.Fulfilment;

/// <summary>
/// The events and commands fulfilment exchanges with the Inventory and Payments slices, by their public names and
/// JSON shapes only: the Orders slice never references another slice's classes.
/// </summary>
public static class FulfilmentMessages
{
    public const string StockReserved = "inventory.stock_reserved";
    public const string PaymentCaptured = "payments.payment_captured";
    public const string PaymentDeclined = "payments.payment_declined";
    public const string CancellationRequested = "orders.order_cancellation_requested";

    public const string Reserve = "inventory.reserve";
    public const string Release = "inventory.release";
    public const string Capture = "payments.capture";

    public sealed record StockReservedMessage(string Sku, Guid HolderId, int Quantity);

    public sealed record PaymentCapturedMessage(Guid OrderId);

    public sealed record PaymentDeclinedMessage(Guid OrderId, string Reason);

    public sealed record CancellationRequestedMessage(Guid OrderId, string Reason);

    public sealed record ReserveBody(string Sku, Guid HolderId, int Quantity);

    public sealed record ReleaseBody(string Sku, Guid HolderId);

    public sealed record CaptureBody(Guid OrderId, decimal Amount, string Currency);
}
