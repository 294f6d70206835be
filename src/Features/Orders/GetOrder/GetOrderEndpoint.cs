using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.GetOrder;

public sealed record GetOrderRequest(Guid Id)
{
    /// <summary>The version a write returned; the read waits (bounded) until the read model reflects it.</summary>
    [FromHeader(GetOrderEndpoint.MinVersionHeader, isRequired: false)]
    public long? MinVersion { get; init; }
}

/// <summary>
/// <c>GET /api/orders/{id}</c> → 200 with <c>ETag</c>, from the order summary read model. With
/// <c>X-Min-Version</c> it waits, bounded, for the read model to reach that version: 503 with <c>Retry-After</c>
/// if it does not in time. Another tenant's order is 404 like a missing one, with or without the wait.
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
            s.Summary = "Reads an order (from the order summary read model).";
            s.Description =
                "Eventually consistent: a change appears once projected, usually within milliseconds. To read your own " +
                $"write, send `{MinVersionHeader}` with the version (ETag) the write returned: the request waits, at most " +
                "`ReadModels:ConsistencyWait:Timeout` (3 s by default), until the order reaches that version. If it does " +
                "not in time the answer is 503 `not-yet-consistent` with `Retry-After`; an order that is not there at all " +
                "is 404 after the same wait. The ETag is the version the read model reflects; a write with a stale " +
                "`If-Match` is refused with 412.";
            s.RequestParam(r => r.MinVersion, "The version a write returned (its ETag without quotes); wait until the order reaches it.");
            s.Responses[StatusCodes.Status503ServiceUnavailable] = "The read model did not reach `X-Min-Version` in time; retry after `Retry-After` seconds.";
        });
    }

    public override async Task HandleAsync(GetOrderRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new GetOrder(req.Id, req.MinVersion), ct), o => o.Version);
}
