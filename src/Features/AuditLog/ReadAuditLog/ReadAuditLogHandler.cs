using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.AuditLog.ReadAuditLog;

/// <summary>Reads the trail itself (not a read model), so a record is listed as soon as its transaction commits.</summary>
public sealed class ReadAuditLogHandler(IAuditTrail trail, ITenantContext tenant)
    : IQueryHandler<ReadAuditLog, Result<PagedResult<AuditRecord>>>
{
    public async ValueTask<Result<PagedResult<AuditRecord>>> Handle(ReadAuditLog query, CancellationToken cancellationToken) =>
        Result.Success(await trail.ListAsync(query.Query, AuditLogFields.Map, ListConstraints<AuditLogEntry>.FromContext(tenant), cancellationToken));
}
