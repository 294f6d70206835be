using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Customers.ListCustomers;

/// <summary><c>GET /api/customers?filter=...&amp;orderBy=...&amp;page=...</c> → a page of the tenant's customer summaries.</summary>
public sealed class ListCustomersEndpoint(ISender sender) : Endpoint<ListRequest, PagedResult<CustomerListItem>>
{
    public override void Configure()
    {
        Get("/api/customers");
        Description(d => d.WithTags("Customers").Produces<PagedResult<CustomerListItem>>(StatusCodes.Status200OK).ProducesProblems(400, 403));
        Summary(s => ListEndpointDocs.Describe(s, CustomerSummaryFields.Map, "customers (eventually consistent: a new customer appears once projected)"));
    }

    public override async Task HandleAsync(ListRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ListCustomers(ListRequest.ToListQuery(this)), ct);
        if (result.Error is { } error)
        {
            await this.SendProblemAsync(error);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
