using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.GetOrder;

/// <summary>
/// Reads one order of the current tenant as of every write acknowledged before the read: from the order summary
/// read model when it has caught up, from the order's stream when it has not (ADR 0007). <paramref name="MinVersion"/>
/// (the version a write returned) is still accepted: the read waits, bounded, for a version the stream has not
/// reached yet. Not cached: a cache filled before a write would keep serving the older order after it.
/// </summary>
public sealed record GetOrder(Guid OrderId, long? MinVersion = null) : ITenantQuery<OrderDetails>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Read;
}
