using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.CancelOrder;

public sealed record CancelOrder(Guid OrderId, string Reason, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Cancel;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
