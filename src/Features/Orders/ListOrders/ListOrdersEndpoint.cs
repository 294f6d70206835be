using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Orders.ListOrders;

/// <summary><c>GET /api/orders?filter=...&amp;orderBy=...&amp;page=...</c> → a page of the tenant's order summaries.</summary>
public sealed class ListOrdersEndpoint(ISender sender) : Endpoint<ListRequest, PagedResult<OrderListItem>>
{
    public override void Configure()
    {
        Get("/api/orders");
        Description(d => d.WithTags("Orders").Produces<PagedResult<OrderListItem>>(StatusCodes.Status200OK).ProducesProblems(400, 403));
        Summary(s => ListEndpointDocs.Describe(s, OrderSummaryFields.Map, "orders (eventually consistent: a new order appears once projected)"));
    }

    public override async Task HandleAsync(ListRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ListOrders(ListRequest.ToListQuery(this)), ct);
        if (result.Error is { } error)
        {
            await this.SendProblemAsync(error);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
