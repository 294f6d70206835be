using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Orders.MarkOrderPaid;

/// <summary>Fulfilment's last step: the order is paid. Idempotent; only the <c>system</c> role holds <c>orders.fulfil</c>.</summary>
[ProcessCommand(Name)]
public sealed record MarkOrderPaid(Guid OrderId) : ITenantCommand<OrderVersion>
{
    public const string Name = "orders.mark-paid";

    string IRequirePermission.RequiredPermission => OrderPermissions.Fulfil;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
