using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Tenants.DeactivateTenant;

public sealed record DeactivateTenantRequest(string Id);

/// <summary><c>POST /api/tenants/{id}/deactivate</c> → 200 with the tenant; configuration tenants are 422 <c>tenant.read_only</c>.</summary>
public sealed class DeactivateTenantEndpoint(ISender sender) : Endpoint<DeactivateTenantRequest, TenantDetails>
{
    public override void Configure()
    {
        Post("/api/tenants/{id}/deactivate");
        Options(b => b.WithMetadata(new TenantNotRequiredAttribute()));
        Description(d => d.WithTags("Tenants").Produces<TenantDetails>(StatusCodes.Status200OK).ProducesProblems(401, 403, 404, 422));
        Summary(s =>
        {
            s.Summary = "Deactivates a database tenant (platform administrators only).";
            s.Description =
                "Deactivates a database tenant: its requests are refused with 403 `tenant-deactivated` until it is " +
                "reactivated; its data stays. Platform endpoint: needs `platform.tenants.manage`.";
        });
    }

    public override async Task HandleAsync(DeactivateTenantRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new DeactivateTenant(req.Id), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
