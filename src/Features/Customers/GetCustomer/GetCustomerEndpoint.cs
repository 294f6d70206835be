using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Customers.GetCustomer;

public sealed record GetCustomerRequest(Guid Id);

/// <summary><c>GET /api/customers/{id}</c> → 200 with <c>ETag</c>; another tenant's customer is 404.</summary>
public sealed class GetCustomerEndpoint(ISender sender) : Endpoint<GetCustomerRequest, CustomerDetails>
{
    public override void Configure()
    {
        Get("/api/customers/{id}");
        Description(d => d.WithTags("Customers").Produces<CustomerDetails>(StatusCodes.Status200OK).ProducesProblems(400, 403, 404));
        Summary(s =>
        {
            s.Summary = "Reads a customer.";
            s.Description =
                "Reads one customer of the caller's tenant. The `ETag` is its version: send it as `If-Match` when " +
                "renaming. Another tenant's customer is 404. Needs `customers.read`.";
        });
    }

    public override async Task HandleAsync(GetCustomerRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new GetCustomer(req.Id), ct), c => c.Version);
}
