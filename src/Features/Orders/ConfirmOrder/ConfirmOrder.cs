using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.ConfirmOrder;

public sealed record ConfirmOrder(Guid OrderId, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
