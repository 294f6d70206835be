using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Events;

namespace Reference.Features.Orders.AddOrderLine;

/// <summary>
/// Adds a line. Adding lines commutes (two lines added concurrently are both wanted), so a lost race without
/// <c>If-Match</c> is retried on the reloaded order; a caller that pinned a version keeps its 412.
/// </summary>
public sealed record AddOrderLine(Guid OrderId, string Sku, int Quantity, decimal UnitPrice, string Currency, long? ExpectedVersion)
    : ITenantCommand<OrderVersion>, IDeclaresConflictPolicy
{
    string IRequirePermission.RequiredPermission => OrderPermissions.Write;

    string IAuditable.AuditResourceType => "Order";

    string? IAuditable.AuditResourceId => OrderId.ToString();

    ConflictPolicy IDeclaresConflictPolicy.OnConflict => ExpectedVersion is null ? ConflictPolicy.Retry() : ConflictPolicy.Reject;
}
