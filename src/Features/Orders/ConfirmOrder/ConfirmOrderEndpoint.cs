using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.ConfirmOrder;

public sealed record ConfirmOrderRequest(Guid Id);

/// <summary><c>POST /api/orders/{id}/confirm</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class ConfirmOrderEndpoint(ISender sender) : Endpoint<ConfirmOrderRequest, OrderVersion>
{
    public override void Configure()
    {
        Post("/api/orders/{id}/confirm");
        Description(d => d.WithTags("Orders").ProducesProblems(400, 403, 404, 409, 412, 422));
        Summary(s =>
        {
            s.Summary = "Confirms a draft order that has at least one line.";
            s.Description =
                "Confirms a draft order; an order without lines is refused (422 `rule-violated`). Answers the new " +
                "version (body and `ETag`); with `If-Match` a stale version is refused with 412. Needs " +
                "`orders.write`.";
        });
    }

    public override async Task HandleAsync(ConfirmOrderRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new ConfirmOrder(req.Id, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
