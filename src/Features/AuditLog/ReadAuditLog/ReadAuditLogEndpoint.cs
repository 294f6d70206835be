using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Ports;

namespace Reference.Features.AuditLog.ReadAuditLog;

public sealed class ReadAuditLogRequest
{
    [QueryParam]
    public long After { get; init; }

    [QueryParam]
    public int Take { get; init; } = 100;
}

/// <summary><c>GET /api/audit?after=&amp;take=</c>: the current tenant's audit records.</summary>
public sealed class ReadAuditLogEndpoint(ISender sender) : Endpoint<ReadAuditLogRequest, IReadOnlyList<AuditRecord>>
{
    public override void Configure()
    {
        Get("/api/audit");
        Description(d => d.WithTags("Audit").Produces<IReadOnlyList<AuditRecord>>(StatusCodes.Status200OK).ProducesProblems(400, 403));
        Summary(s => s.Summary = "Reads the tenant's audit log in chain order.");
    }

    public override async Task HandleAsync(ReadAuditLogRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ReadAuditLog(req.After, req.Take), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
