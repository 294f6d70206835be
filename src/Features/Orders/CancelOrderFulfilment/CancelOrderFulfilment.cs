using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Orders.CancelOrderFulfilment;

/// <summary>Fulfilment failed (its reservations already released): the order is cancelled with <paramref name="Code"/>. Idempotent.</summary>
[ProcessCommand(Name)]
public sealed record CancelOrderFulfilment(Guid OrderId, string Code, string Reason) : ITenantCommand<OrderVersion>
{
    public const string Name = "orders.cancel-fulfilment";

    string IRequirePermission.RequiredPermission => OrderPermissions.Fulfil;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();
}
