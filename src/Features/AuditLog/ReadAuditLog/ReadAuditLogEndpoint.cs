using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.ReadAuditLog;

/// <summary><c>GET /api/audit?filter=...&amp;sort=...&amp;cursor=...</c> → a page of the current tenant's audit records.</summary>
public sealed class ReadAuditLogEndpoint(ISender sender) : Endpoint<ListRequest, PagedResult<AuditRecord>>
{
    public override void Configure()
    {
        Get("/api/audit");
        Description(d => d.WithTags("Audit").Produces<PagedResult<AuditRecord>>(StatusCodes.Status200OK).ProducesProblems(400, 403));
        Summary(s => ListEndpointDocs.Describe(s, AuditLogFields.Map, "the tenant's audit records, newest first (needs `audit.read`; the read is itself audited)"));
    }

    public override async Task HandleAsync(ListRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ReadAuditLog(ListRequest.ToListQuery(this)), ct);
        if (result.Error is { } error)
        {
            await this.SendProblemAsync(error);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
