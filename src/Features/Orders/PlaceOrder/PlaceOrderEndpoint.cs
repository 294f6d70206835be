using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.PlaceOrder;

public sealed record PlaceOrderRequest(Guid CustomerId, string Currency, IReadOnlyList<PlaceOrderLine>? Lines);

/// <summary><c>POST /api/orders</c> (optional <c>Idempotency-Key</c>) → 201 with <c>Location</c>, <c>ETag</c> and <c>{ id, version }</c>.</summary>
public sealed class PlaceOrderEndpoint(ISender sender) : Endpoint<PlaceOrderRequest, OrderVersion>
{
    public override void Configure()
    {
        Post("/api/orders");
        Options(b => b.AcceptsIdempotencyKey());
        Description(d => d
            .WithTags("Orders")
            .Produces<OrderVersion>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Places an order (customer, currency and lines of SKU, quantity and unit price).";
            s.Description =
                "Places a draft order (event-sourced) in the caller's tenant: 201 with its id and version, `Location` " +
                "and `ETag`. A read by id reflects it at once; lists see it once projected. Needs `orders.write`." +
                " " + IdempotencyKeyDocs.Description;
        });
    }

    public override async Task HandleAsync(PlaceOrderRequest req, CancellationToken ct)
    {
        var command = new PlaceOrder(Guid.CreateVersion7(), req.CustomerId, req.Currency, req.Lines ?? []);
        var result = await sender.Send(command, ct);
        if (!result.IsSuccess)
        {
            await this.SendProblemAsync(result.Error!);
            return;
        }

        EntityTags.Set(HttpContext.Response, result.Value.Version);
        await Send.ResultAsync(TypedResults.Created($"/api/orders/{result.Value.Id}", result.Value));
    }
}
