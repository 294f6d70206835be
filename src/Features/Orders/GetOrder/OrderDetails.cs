using Reference.Features.Orders.Domain;

namespace Reference.Features.Orders.GetOrder;

/// <summary>
/// One order as <c>GET /api/orders/{id}</c> returns it, from the summary or from the order itself (the two read
/// alike: OrderSummaryParityTests); <see cref="Version"/> is also its <c>ETag</c>.
/// </summary>
public sealed record OrderDetails(
    Guid Id,
    Guid CustomerId,
    string Currency,
    string Status,
    IReadOnlyList<OrderLineDetails> Lines,
    decimal Total,
    string? CancellationReason,
    long Version,
    string? CancellationCode = null)
{
    public static OrderDetails From(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new OrderDetails(
            Guid.Parse(summary.Id),
            summary.CustomerId,
            summary.Currency,
            summary.Status,
            [.. OrderSummaryProjection.LinesIn(summary).Select(l => new OrderLineDetails(l.Sku, l.Quantity, l.UnitPrice, l.Quantity * l.UnitPrice))],
            summary.Total,
            summary.CancellationReason,
            summary.Version,
            summary.CancellationCode);
    }

    public static OrderDetails From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderDetails(
            order.Id,
            order.CustomerId,
            order.Currency,
            order.Status.ToString(),
            [.. order.Lines.Select(l => new OrderLineDetails(l.Sku, l.Quantity, l.UnitPrice, l.Total))],
            order.Total,
            order.CancellationReason,
            order.Version,
            order.CancellationCode);
    }
}

public sealed record OrderLineDetails(string Sku, int Quantity, decimal UnitPrice, decimal Total);
