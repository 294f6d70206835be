using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Tenants.CreateTenant;

public sealed record CreateTenantRequest(string Id, string Name, Dictionary<string, string>? Settings);

/// <summary><c>POST /api/tenants</c> (optional <c>Idempotency-Key</c>) → 201 with <c>Location</c>; the tenant resolves on the next request.</summary>
public sealed class CreateTenantEndpoint(ISender sender) : Endpoint<CreateTenantRequest, TenantDetails>
{
    public override void Configure()
    {
        Post("/api/tenants");
        Options(b => b.WithMetadata(new TenantNotRequiredAttribute()).AcceptsIdempotencyKey());
        Description(d => d.WithTags("Tenants").Produces<TenantDetails>(StatusCodes.Status201Created).ProducesProblems(400, 401, 403, 409, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Creates a tenant in the database tenant store (platform administrators only).";
            s.Description =
                "Creates a tenant in the database tenant store (`MultiTenancy:Stores` must include `Database`); an id " +
                "that exists already is 409. Platform endpoint: no tenant context, needs `platform.tenants.manage`." +
                " " + IdempotencyKeyDocs.Description;
        });
    }

    public override async Task HandleAsync(CreateTenantRequest req, CancellationToken ct)
    {
        var settings = req.Settings ?? [];
        var result = await sender.Send(new CreateTenant(req.Id, req.Name, settings), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.ResultAsync(TypedResults.Created($"/api/tenants/{Uri.EscapeDataString(result.Value.Id)}", result.Value));
    }
}
