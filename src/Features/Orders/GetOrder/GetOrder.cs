using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.GetOrder;

/// <summary>Reads one order of the current tenant, replayed from its stream; cached until the order changes.</summary>
public sealed record GetOrder(Guid OrderId) : ITenantQuery<OrderDetails>, ICacheable
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Read;

    string ICacheable.CacheKey => OrderId.ToString("N");

    IReadOnlyList<string> ICacheable.CacheTags => [OrderCacheTags.For(OrderId)];

    TimeSpan ICacheable.CacheDuration => TimeSpan.FromMinutes(5);
}
