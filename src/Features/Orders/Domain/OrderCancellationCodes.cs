namespace Reference.Features.Orders.Domain;

/// <summary>Why an order ended cancelled: the stable codes <c>GET /api/orders/{id}</c> shows as <c>cancellationCode</c>.</summary>
public static class OrderCancellationCodes
{
    public const string OutOfStock = "out-of-stock";
    public const string PaymentDeclined = "payment-declined";
    public const string PaymentTimeout = "payment-timeout";
    public const string CancelledByUser = "cancelled-by-user";
}
