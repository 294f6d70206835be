using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog;

/// <summary>
/// What <c>GET /api/audit</c> lets callers filter and sort on; anything else is an <c>unknown_field</c>. The
/// tenant is the module's constraint, never a field. Newest first; <c>sort=sequence</c> reads in chain order.
/// </summary>
public static class AuditLogFields
{
    public static readonly FieldMap<AuditLogEntry> Map = FieldMap.For<AuditLogEntry>()
        .Key(e => e.Sequence)
        .Tenant(e => e.TenantId)
        .Field("sequence", e => e.Sequence, f => f.Sortable())
        .Field("occurredAt", e => e.OccurredAt, f => f.Sortable())
        .Field("action", e => e.Action, f => f.Sortable())
        .Field("outcome", e => e.Outcome)
        .Field("reason", e => e.Reason)
        .Field("userId", e => e.UserId, f => f.Sortable().Alias("user", "actor.userId"))
        .Field("resourceType", e => e.ResourceType, f => f.Alias("resource.type"))
        .Field("resourceId", e => e.ResourceId, f => f.Alias("resource.id"))
        .Field("correlationId", e => e.CorrelationId)
        .DefaultSort("sequence", descending: true)
        .Build();
}
