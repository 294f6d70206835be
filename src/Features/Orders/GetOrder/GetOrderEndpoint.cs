using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.GetOrder;

public sealed record GetOrderRequest(Guid Id);

/// <summary><c>GET /api/orders/{id}</c> → 200 with <c>ETag</c>; another tenant's order is 404 like a missing one.</summary>
public sealed class GetOrderEndpoint(ISender sender) : Endpoint<GetOrderRequest, OrderDetails>
{
    public override void Configure()
    {
        Get("/api/orders/{id}");
        Description(d => d.WithTags("Orders").Produces<OrderDetails>(StatusCodes.Status200OK).ProducesProblems(400, 403, 404));
        Summary(s => s.Summary = "Reads an order.");
    }

    public override async Task HandleAsync(GetOrderRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new GetOrder(req.Id), ct), o => o.Version);
}
