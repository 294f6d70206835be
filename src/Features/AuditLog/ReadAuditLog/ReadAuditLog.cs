using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.ReadAuditLog;

/// <summary>A page of the current tenant's audit records, in chain order. Auditable: reading the trail leaves a record.</summary>
public sealed record ReadAuditLog(long AfterSequence, int Take) : ITenantQuery<IReadOnlyList<AuditRecord>>, IAuditable
{
    public const int MaxTake = 500;

    string IRequirePermission.RequiredPermission => AuditPermissions.Read;

    string IAuditable.AuditResourceType => "AuditLog";

    string? IAuditable.AuditResourceId => null;
}
