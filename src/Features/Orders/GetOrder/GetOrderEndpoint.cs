using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.GetOrder;

public sealed record GetOrderRequest(Guid Id)
{
    /// <summary>The version a write returned; the read waits (bounded) until the order reaches it. Optional: every acknowledged write is read back without it.</summary>
    [FromHeader(GetOrderEndpoint.MinVersionHeader, isRequired: false)]
    public long? MinVersion { get; init; }
}

/// <summary>
/// <c>GET /api/orders/{id}</c> → 200 with <c>ETag</c>, reflecting every write acknowledged before it (the read model
/// when it has caught up, the order's stream otherwise). With <c>X-Min-Version</c> above the order's version it
/// waits, bounded: 503 with <c>Retry-After</c> if the order does not reach it in time. Another tenant's order, and
/// another placer's without <c>orders.read.all</c>, is 404 like a missing one, with or without the wait.
/// </summary>
public sealed class GetOrderEndpoint(ISender sender) : Endpoint<GetOrderRequest, OrderDetails>
{
    public const string MinVersionHeader = "X-Min-Version";

    public override void Configure()
    {
        Get("/api/orders/{id}");
        Description(d => d.WithTags("Orders").Produces<OrderDetails>(StatusCodes.Status200OK).ProducesProblems(400, 403, 404, 503));
        Summary(s =>
        {
            s.Summary = "Reads an order, reflecting every write already acknowledged.";
            s.Description =
                "Answers from the order summary read model when it has caught up with the order's stream, and from the " +
                "stream itself when it has not, so a read right after a write (a 201, or the 200 of a line, confirm or " +
                "cancel) always shows it, with the ETag that write returned. No header is needed. " +
                $"`{MinVersionHeader}` is still accepted: with a version the order has not reached, the request waits at " +
                "most `ReadModels:ConsistencyWait:Timeout` (3 s by default) for it, then answers 503 `not-yet-consistent` " +
                "with `Retry-After`; an order that is not there at all is 404 after the same wait. A sales user without " +
                "`orders.read.all` sees only the orders they placed; any other is 404. A write with a stale `If-Match` is " +
                "refused with 412.";
            s.RequestParam(r => r.MinVersion, "Optional: a version a write returned (its ETag without quotes); wait, bounded, until the order reaches it.");
            s.Responses[StatusCodes.Status503ServiceUnavailable] = "The order did not reach `X-Min-Version` in time; retry after `Retry-After` seconds.";
        });
    }

    public override async Task HandleAsync(GetOrderRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new GetOrder(req.Id, req.MinVersion), ct), o => o.Version);
}
