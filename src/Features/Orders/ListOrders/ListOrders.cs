using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Orders.ListOrders;

/// <summary>Lists the current tenant's orders from the order summary read model (filter, sort and page per <see cref="OrderSummaryFields"/>).</summary>
public sealed record ListOrders(ListQuery Query) : ITenantQuery<PagedResult<OrderListItem>>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Read;
}

public sealed record OrderListItem(
    Guid Id,
    Guid CustomerId,
    string Currency,
    string Status,
    int LineCount,
    int ItemCount,
    decimal Total,
    long Version,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderListItem From(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new OrderListItem(
            Guid.Parse(summary.Id), summary.CustomerId, summary.Currency, summary.Status, summary.LineCount,
            summary.ItemCount, summary.Total, summary.Version, summary.PlacedAt, summary.UpdatedAt);
    }
}
