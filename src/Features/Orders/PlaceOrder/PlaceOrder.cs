using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.PlaceOrder;

/// <summary>Places a new order. The id is chosen by the caller (the endpoint) so a retried request names the same order.</summary>
public sealed record PlaceOrder(Guid OrderId, Guid CustomerId, string Currency, IReadOnlyList<PlaceOrderLine> Lines)
    : ITenantCommand<OrderVersion>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}

public sealed record PlaceOrderLine(string Sku, int Quantity, decimal UnitPrice);
