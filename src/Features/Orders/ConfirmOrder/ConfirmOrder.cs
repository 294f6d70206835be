using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Orders.ConfirmOrder;

public sealed record ConfirmOrder(Guid OrderId, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>, IInvalidatesCache
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();

    IReadOnlyList<string> IInvalidatesCache.CacheTagsToInvalidate => [OrderCacheTags.For(OrderId)];
}
