using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders;

/// <summary>
/// The order summary read model, kept up to date by <see cref="OrderSummaryProjection"/>: what order lists show
/// and everything <c>GET /api/orders/{id}</c> returns, so no order read replays a stream.
/// </summary>
public sealed class OrderSummary : IReadModel
{
    /// <summary>
    /// What <c>GET /api/orders</c> filters and sorts on (<see cref="OrderSummaryFields"/>), newest first by
    /// default, and the placed-by row policy. Stores put the tenant in front of each.
    /// </summary>
    public static IReadOnlyList<ReadModelIndex> Indexes { get; } =
    [
        ReadModelIndex.On(nameof(PlacedAt)),
        ReadModelIndex.On(nameof(Status), nameof(PlacedAt)),
        ReadModelIndex.On(nameof(CustomerId), nameof(PlacedAt)),
        ReadModelIndex.On(nameof(PlacedBy), nameof(PlacedAt)),
        ReadModelIndex.On(nameof(UpdatedAt)),
    ];

    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public Guid CustomerId { get; set; }

    /// <summary>The user id of whoever placed the order (from the event's metadata); row access policies filter on it.</summary>
    public string PlacedBy { get; set; } = "";

    public string Currency { get; set; } = "";

    public string Status { get; set; } = "";

    public int LineCount { get; set; }

    public int ItemCount { get; set; }

    public decimal Total { get; set; }

    /// <summary>
    /// The lines (sku → quantity and unit price) as JSON, so removing a line can adjust the total.
    /// One flat column keeps the read model mappable by every store.
    /// </summary>
    public string Lines { get; set; } = "{}";

    /// <summary>Why the order was cancelled; null unless it was.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>Why the order was cancelled, as a stable code (out-of-stock, payment-declined, payment-timeout, cancelled-by-user); null unless it was.</summary>
    public string? CancellationCode { get; set; }

    /// <summary>
    /// The order's stream version after the last event projected: the ETag of a read, which a write's
    /// <c>If-Match</c> is checked against. A summary that lags behind the stream gives a version the write side refuses (412).
    /// </summary>
    public long Version { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
