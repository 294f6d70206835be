using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Tenants.GetTenant;

public sealed record GetTenantRequest(string Id);

/// <summary><c>GET /api/tenants/{id}</c> → the tenant from whichever store defines it.</summary>
public sealed class GetTenantEndpoint(ISender sender) : Endpoint<GetTenantRequest, TenantDetails>
{
    public override void Configure()
    {
        Get("/api/tenants/{id}");
        Options(b => b.WithMetadata(new TenantNotRequiredAttribute()));
        Description(d => d.WithTags("Tenants").Produces<TenantDetails>(StatusCodes.Status200OK).ProducesProblems(401, 403, 404));
        Summary(s =>
        {
            s.Summary = "Reads a tenant (platform administrators only).";
            s.Description =
                "Reads a tenant from the configured tenant stores. Platform endpoint: no tenant context, needs " +
                "`platform.tenants.read`.";
        });
    }

    public override async Task HandleAsync(GetTenantRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new GetTenant(req.Id), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
