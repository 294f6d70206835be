using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.ListOrders;

public sealed class ListOrdersRequest
{
    [QueryParam]
    public string? Status { get; set; }

    [QueryParam]
    public int Page { get; set; } = 1;

    [QueryParam]
    public int PageSize { get; set; } = 20;
}

/// <summary><c>GET /api/orders</c> → the tenant's orders from the order summary read model.</summary>
public sealed class ListOrdersEndpoint(ISender sender) : Endpoint<ListOrdersRequest, OrderList>
{
    public override void Configure()
    {
        Get("/api/orders");
        Description(d => d.WithTags("Orders").Produces<OrderList>(StatusCodes.Status200OK).ProducesProblems(400, 403));
        Summary(s => s.Summary = "Lists orders (eventually consistent: a new order appears once projected).");
    }

    public override async Task HandleAsync(ListOrdersRequest req, CancellationToken ct)
    {
        var result = await sender.Send(new ListOrders(req.Status, req.Page, req.PageSize), ct);
        if (result.Error is { } error)
        {
            await this.SendProblemAsync(error);
            return;
        }

        await Send.OkAsync(result.Value, ct);
    }
}
