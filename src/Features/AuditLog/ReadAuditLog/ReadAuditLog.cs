using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.ReadAuditLog;

/// <summary>
/// A filtered page of the current tenant's audit records (filter, sort and page per <see cref="AuditLogFields"/>).
/// Auditable: reading the trail leaves a record.
/// </summary>
public sealed record ReadAuditLog(ListQuery Query) : ITenantQuery<PagedResult<AuditRecord>>, IAuditable
{
    string IRequirePermission.RequiredPermission => AuditPermissions.Read;

    string IAuditable.AuditResourceType => "AuditLog";

    string? IAuditable.AuditResourceId => null;
}
