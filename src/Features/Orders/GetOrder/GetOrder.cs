using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.GetOrder;

/// <summary>
/// Reads one order of the current tenant from the order summary read model. With <paramref name="MinVersion"/>
/// (the version a write returned) it waits, bounded, until the summary reflects that version: read-your-writes
/// over an eventually consistent read model. Not cached: the summary already is the precomputed read, and a
/// cache filled between a write and its projection would keep the stale summary after the projection caught up.
/// </summary>
public sealed record GetOrder(Guid OrderId, long? MinVersion = null) : ITenantQuery<OrderDetails>
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Read;
}
