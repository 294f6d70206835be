namespace Reference.Features.Orders.GetOrder;

public sealed record OrderDetails(
    Guid Id,
    Guid CustomerId,
    string Currency,
    string Status,
    IReadOnlyList<OrderLineDetails> Lines,
    decimal Total,
    string? CancellationReason,
    long Version);

public sealed record OrderLineDetails(string Sku, int Quantity, decimal UnitPrice, decimal Total);
