using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Tenants.ListTenants;

/// <summary><c>GET /api/tenants</c> → every tenant, configuration and database ones alike.</summary>
public sealed class ListTenantsEndpoint(ISender sender) : EndpointWithoutRequest<IReadOnlyList<TenantDetails>>
{
    public override void Configure()
    {
        Get("/api/tenants");
        Options(b => b.WithMetadata(new TenantNotRequiredAttribute()));
        Description(d => d.WithTags("Tenants").Produces<IReadOnlyList<TenantDetails>>(StatusCodes.Status200OK).ProducesProblems(401, 403));
        Summary(s =>
        {
            s.Summary = "Lists the platform's tenants (platform administrators only).";
            s.Description =
                "Lists the tenants of every configured tenant store. Platform endpoint: no tenant context, needs " +
                "`platform.tenants.read`.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await sender.Send(new ListTenants(), ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
