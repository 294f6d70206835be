using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.RemoveOrderLine;

public sealed record RemoveOrderLine(Guid OrderId, string Sku, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
