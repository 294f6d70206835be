using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.VerifyAuditChain;

/// <summary><c>GET /api/audit/verify</c>: <c>{ isValid, recordsChecked, firstBrokenSequence }</c>.</summary>
public sealed class VerifyAuditChainEndpoint(ISender sender) : EndpointWithoutRequest<AuditChainVerification>
{
    public override void Configure()
    {
        Get("/api/audit/verify");
        Description(d => d.WithTags("Audit").Produces<AuditChainVerification>(StatusCodes.Status200OK).ProducesProblems(403));
        Summary(s =>
        {
            s.Summary = "Verifies the tenant's audit hash chain.";
            s.Description =
                "Recomputes the SHA-256 hash chain of the caller's tenant's audit records and reports whether it is " +
                "intact and, if not, where it breaks. Needs `audit.read`.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await sender.Send(new VerifyAuditChain(), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
