using System.Text.Json;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Events;
using Reference.SharedKernel.Projections;

namespace Reference.Features.Orders;

/// <summary>
/// Projects the Orders stream into <see cref="OrderSummary"/>: status, customer, lines, totals,
/// cancellation reason and code, stream version and timestamps. Each handler is a pure change of one summary by one event.
/// </summary>
public sealed class OrderSummaryProjection : Projection<OrderSummary>
{
    public OrderSummaryProjection()
        : base("order-summary")
    {
        Create<OrderPlaced>(e => Key(e.OrderId), e =>
        {
            var summary = new OrderSummary
            {
                CustomerId = e.Data.CustomerId,
                PlacedBy = e.Metadata.UserId ?? "",
                Currency = e.Data.Currency,
                Status = nameof(OrderStatus.Draft),
                PlacedAt = e.RecordedAt,
            };
            SetLines(summary, e.Data.Lines.ToDictionary(l => l.Sku, l => new Line(l.Quantity, l.UnitPrice), StringComparer.Ordinal));
            Touch(summary, e.StreamVersion, e.RecordedAt);
            return summary;
        });
        Update<OrderLineAdded>(e => Key(e.OrderId), (summary, e) =>
        {
            var lines = LinesOf(summary);
            lines[e.Data.Sku] = new Line(e.Data.Quantity, e.Data.UnitPrice);
            SetLines(summary, lines);
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
        Update<OrderLineRemoved>(e => Key(e.OrderId), (summary, e) =>
        {
            var lines = LinesOf(summary);
            lines.Remove(e.Data.Sku);
            SetLines(summary, lines);
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
        Update<OrderConfirmed>(e => Key(e.OrderId), (summary, e) =>
        {
            summary.Status = nameof(OrderStatus.Confirmed);
            summary.Total = e.Data.Total;
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
        Update<OrderCancelled>(e => Key(e.OrderId), (summary, e) =>
        {
            summary.Status = nameof(OrderStatus.Cancelled);
            summary.CancellationReason = e.Data.Reason;
            summary.CancellationCode = OrderCancellationCodes.CancelledByUser;
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
        Update<OrderCancellationRequested>(e => Key(e.OrderId), (summary, e) => Touch(summary, e.StreamVersion, e.RecordedAt));
        Update<OrderPaid>(e => Key(e.OrderId), (summary, e) =>
        {
            summary.Status = nameof(OrderStatus.Paid);
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
        Update<OrderFulfilmentCancelled>(e => Key(e.OrderId), (summary, e) =>
        {
            summary.Status = nameof(OrderStatus.Cancelled);
            summary.CancellationReason = e.Data.Reason;
            summary.CancellationCode = e.Data.Code;
            Touch(summary, e.StreamVersion, e.RecordedAt);
        });
    }

    public static string Key(Guid orderId) => orderId.ToString();

    /// <summary>The summary's lines in the order they were added, as the order itself keeps them.</summary>
    public static IReadOnlyList<(string Sku, int Quantity, decimal UnitPrice)> LinesIn(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [.. LinesOf(summary).Select(l => (l.Key, l.Value.Quantity, l.Value.UnitPrice))];
    }

    // Read fresh for every event, so the JSON keeps insertion order (a removed line leaves no slot for the next one).
    private static Dictionary<string, Line> LinesOf(OrderSummary summary) =>
        JsonSerializer.Deserialize<Dictionary<string, Line>>(summary.Lines) ?? new(StringComparer.Ordinal);

    private static void SetLines(OrderSummary summary, Dictionary<string, Line> lines)
    {
        summary.Lines = JsonSerializer.Serialize(lines);
        summary.LineCount = lines.Count;
        summary.ItemCount = lines.Values.Sum(l => l.Quantity);
        summary.Total = lines.Values.Sum(l => l.Quantity * l.UnitPrice);
    }

    private static void Touch(OrderSummary summary, long version, DateTimeOffset at)
    {
        summary.Version = version;
        summary.UpdatedAt = at;
    }

    private sealed record Line(int Quantity, decimal UnitPrice);
}
