using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.VerifyAuditChain;

public sealed class VerifyAuditChainHandler(IAuditTrail trail) : IQueryHandler<VerifyAuditChain, Result<AuditChainVerification>>
{
    public async ValueTask<Result<AuditChainVerification>> Handle(VerifyAuditChain query, CancellationToken cancellationToken) =>
        Result.Success(await trail.VerifyAsync(cancellationToken));
}
