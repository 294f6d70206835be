using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.ReadAuditLog;

public sealed class ReadAuditLogHandler(IAuditTrail trail) : IQueryHandler<ReadAuditLog, Result<IReadOnlyList<AuditRecord>>>
{
    public async ValueTask<Result<IReadOnlyList<AuditRecord>>> Handle(ReadAuditLog query, CancellationToken cancellationToken) =>
        Result.Success(await trail.ReadAsync(query.AfterSequence, query.Take, cancellationToken));
}
