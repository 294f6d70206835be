using System.Text.Json;
using Reference.Features.Orders;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Events;
using Reference.Features.Orders.GetOrder;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Features.Orders;

/// <summary>
/// <c>GET /api/orders/{id}</c> answers from the order summary: for any history, the summary must give the same
/// body as the order replayed from its stream (lines in their order, totals, status, reason, version).
/// </summary>
public sealed class OrderSummaryParityTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid Customer = Guid.NewGuid();

    public static TheoryData<string, DomainEvent[]> Histories => new()
    {
        { "placed", [Placed(("A", 2, 9.5m), ("B", 1, 3m))] },
        { "line added", [Placed(("A", 2, 9.5m)), new OrderLineAdded(Id, "C", 3, 0.1m)] },
        { "first line removed, then one added", [Placed(("A", 1, 1m), ("B", 2, 2m)), new OrderLineRemoved(Id, "A"), new OrderLineAdded(Id, "C", 1, 4m)] },
        { "confirmed", [Placed(("A", 2, 10m)), new OrderLineAdded(Id, "B", 1, 5m), new OrderConfirmed(Id, 25m)] },
        { "cancelled with a reason", [Placed(("A", 1, 1m)), new OrderConfirmed(Id, 1m), new OrderCancelled(Id, "Customer changed their mind")] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void The_summary_reads_exactly_like_the_replayed_order(string history, DomainEvent[] events)
    {
        var order = Order.ForReplay(Id);
        order.Rehydrate(events);
        var projection = new OrderSummaryProjection();
        OrderSummary? summary = null;
        for (var i = 0; i < events.Length; i++)
        {
            summary = projection.Apply(summary, Stored(events[i], i + 1));
        }

        summary!.Id = OrderSummaryProjection.Key(Id);
        var fromStream = OrderDetails.From(order);

        Assert.True(
            JsonSerializer.Serialize(fromStream) == JsonSerializer.Serialize(OrderDetails.From(summary)),
            $"{history}: {JsonSerializer.Serialize(fromStream)} != {JsonSerializer.Serialize(OrderDetails.From(summary))}");
    }

    private static OrderPlaced Placed(params (string Sku, int Quantity, decimal Price)[] lines) =>
        new(Id, Customer, "EUR", [.. lines.Select(l => new OrderLinePlaced(l.Sku, l.Quantity, l.Price))]);

    private static StoredEvent Stored(DomainEvent data, long version) =>
        new(new LogPosition(1, version), "acme", $"order-{Id}", "order", version, data.EventId, data.GetType().Name, 1, data,
            new EventMetadata(null, null, "alice@acme", null), DateTimeOffset.UnixEpoch.AddMinutes(version));
}
