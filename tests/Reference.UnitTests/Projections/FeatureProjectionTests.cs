using Reference.Features.Customers;
using Reference.Features.Customers.Events;
using Reference.Features.Orders;
using Reference.Features.Orders.Events;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.UnitTests.Projections;

/// <summary>The feature projections as pure folds over their events.</summary>
public sealed class FeatureProjectionTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static StoredEvent Stored(DomainEvent data, long version, string stream = "s", string? userId = null) =>
        new(new LogPosition(1, version), "acme", stream, "order", version, data.EventId, data.GetType().Name, 1, data,
            new EventMetadata(null, null, userId, null), At.AddMinutes(version));

    [Fact]
    public void Order_summary_records_who_placed_the_order_from_the_event_metadata()
    {
        var projection = new OrderSummaryProjection();
        var id = Guid.NewGuid();

        var summary = projection.Apply(null, Stored(new OrderPlaced(id, Guid.NewGuid(), "EUR", [new OrderLinePlaced("A", 1, 1m)]), 1, userId: "alice@acme"));
        summary = projection.Apply(summary, Stored(new OrderConfirmed(id, 1m), 2, userId: "bob@acme"));

        Assert.Equal("alice@acme", summary!.PlacedBy);
    }

    [Fact]
    public void Order_summary_tracks_status_lines_and_totals()
    {
        var projection = new OrderSummaryProjection();
        var id = Guid.NewGuid();
        OrderSummary? summary = null;
        var history = new DomainEvent[]
        {
            new OrderPlaced(id, Guid.NewGuid(), "EUR", [new OrderLinePlaced("A", 2, 10m), new OrderLinePlaced("B", 1, 5m)]),
            new OrderLineAdded(id, "C", 3, 1m),
            new OrderLineRemoved(id, "A"),
            new OrderConfirmed(id, 8m),
        };

        for (var i = 0; i < history.Length; i++)
        {
            Assert.Equal(OrderSummaryProjection.Key(id), projection.DocumentIdFor(Stored(history[i], i + 1)));
            summary = projection.Apply(summary, Stored(history[i], i + 1));
        }

        Assert.Equal(("Confirmed", 2, 4, 8m, 4L), (summary!.Status, summary.LineCount, summary.ItemCount, summary.Total, summary.Version));
        Assert.Equal(At.AddMinutes(1), summary.PlacedAt);
        Assert.Equal(At.AddMinutes(4), summary.UpdatedAt);
    }

    [Fact]
    public void Removing_a_line_adjusts_the_total_before_confirmation()
    {
        var projection = new OrderSummaryProjection();
        var id = Guid.NewGuid();
        var summary = projection.Apply(null, Stored(new OrderPlaced(id, Guid.NewGuid(), "EUR", [new OrderLinePlaced("A", 2, 10m), new OrderLinePlaced("B", 1, 5m)]), 1));
        summary = projection.Apply(summary, Stored(new OrderLineRemoved(id, "A"), 2));
        summary = projection.Apply(summary, Stored(new OrderCancelled(id, "changed mind"), 3));

        Assert.Equal(("Cancelled", 1, 5m), (summary!.Status, summary.LineCount, summary.Total));
    }

    [Fact]
    public void Customer_summary_follows_registration_and_renames()
    {
        var projection = new CustomerSummaryProjection();
        var id = Guid.NewGuid();
        var summary = projection.Apply(null, Stored(new CustomerRegistered(id, "Ada", "ada@example.com"), 1));
        summary = projection.Apply(summary, Stored(new CustomerRenamed(id, "Ada", "Ada L."), 2));

        Assert.Equal(("Ada L.", "ada@example.com", 1), (summary!.Name, summary.Email, summary.Renames));
    }
}
