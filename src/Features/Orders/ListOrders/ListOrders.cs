using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.ListOrders;

/// <summary>Lists the current tenant's orders from the order summary read model, newest first.</summary>
public sealed record ListOrders(string? Status, int Page, int PageSize) : ITenantQuery<OrderList>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Read;
}

public sealed record OrderList(IReadOnlyList<OrderListItem> Items, int Total, int Page, int PageSize);

public sealed record OrderListItem(
    Guid Id,
    Guid CustomerId,
    string Currency,
    string Status,
    int LineCount,
    decimal Total,
    long Version,
    DateTimeOffset PlacedAt,
    DateTimeOffset UpdatedAt);
