using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.AddOrderLine;

public sealed record AddOrderLine(Guid OrderId, string Sku, int Quantity, decimal UnitPrice, string Currency, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
