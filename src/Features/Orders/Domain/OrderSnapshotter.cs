using System.Text.Json;
using System.Text.Json.Serialization;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.Domain;

/// <summary>
/// Snapshots of <see cref="Order"/>, so an order with a long edit history loads from its latest
/// snapshot plus the few events after it. Raise <see cref="SchemaVersion"/> whenever
/// <see cref="OrderSnapshot"/> changes shape: older snapshots are then ignored and orders replay
/// their events until the next snapshot is taken.
/// </summary>
public sealed class OrderSnapshotter : IAggregateSnapshotter<Order>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string SnapshotType => "order";

    public int SchemaVersion => 2;

    public string Take(Order aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return JsonSerializer.Serialize(aggregate.ToSnapshot(), Json);
    }

    public Order Restore(string data) =>
        Order.FromSnapshot(JsonSerializer.Deserialize<OrderSnapshot>(data, Json)
            ?? throw new JsonException("An order snapshot cannot be null."));
}

/// <summary>An order's state as stored in a snapshot (schema version 2: with the cancellation code and a pending cancellation).</summary>
public sealed record OrderSnapshot(
    Guid Id,
    Guid CustomerId,
    string Currency,
    OrderStatus Status,
    string? CancellationReason,
    IReadOnlyList<OrderLine> Lines,
    string? CancellationCode = null,
    string? PendingCancellation = null);
