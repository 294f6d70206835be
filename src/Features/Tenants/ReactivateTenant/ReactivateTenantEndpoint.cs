using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Tenants.ReactivateTenant;

public sealed record ReactivateTenantRequest(string Id);

/// <summary><c>POST /api/tenants/{id}/reactivate</c> → 200 with the tenant; configuration tenants are 422 <c>tenant.read_only</c>.</summary>
public sealed class ReactivateTenantEndpoint(ISender sender) : Endpoint<ReactivateTenantRequest, TenantDetails>
{
    public override void Configure()
    {
        Post("/api/tenants/{id}/reactivate");
        Options(b => b.WithMetadata(new TenantNotRequiredAttribute()));
        Description(d => d.WithTags("Tenants").Produces<TenantDetails>(StatusCodes.Status200OK).ProducesProblems(401, 403, 404, 422));
        Summary(s =>
        {
            s.Summary = "Reactivates a database tenant (platform administrators only).";
            s.Description =
                "Reactivates a deactivated database tenant, so its requests are served again. Platform endpoint: " +
                "needs `platform.tenants.manage`.";
        });
    }

    public override async Task HandleAsync(ReactivateTenantRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ReactivateTenant(req.Id), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
