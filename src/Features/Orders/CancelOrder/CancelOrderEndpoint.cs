using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.CancelOrder;

public sealed record CancelOrderRequest(Guid Id, string Reason);

/// <summary><c>POST /api/orders/{id}/cancel</c> with <c>{ reason }</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class CancelOrderEndpoint(ISender sender) : Endpoint<CancelOrderRequest, OrderVersion>
{
    public override void Configure()
    {
        Post("/api/orders/{id}/cancel");
        Description(d => d.WithTags("Orders").ProducesProblems(400, 403, 404, 409, 412, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Cancels an order, draft or confirmed, with a reason.";
            s.Description =
                "Cancels a draft or confirmed order, recording the reason, and answers its new version (body and " +
                "`ETag`). With `If-Match` a stale version is refused with 412. Needs `orders.cancel`.";
        });
    }

    public override async Task HandleAsync(CancelOrderRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new CancelOrder(req.Id, req.Reason, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
