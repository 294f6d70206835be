using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.RemoveOrderLine;

public sealed record RemoveOrderLineRequest(Guid Id, string Sku);

/// <summary><c>DELETE /api/orders/{id}/lines/{sku}</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class RemoveOrderLineEndpoint(ISender sender) : Endpoint<RemoveOrderLineRequest, OrderVersion>
{
    public override void Configure()
    {
        Delete("/api/orders/{id}/lines/{sku}");
        Description(d => d.WithTags("Orders").ProducesProblems(400, 403, 404, 409, 412, 422));
        Summary(s =>
        {
            s.Summary = "Removes a line from a draft order.";
            s.Description =
                "Removes the line with this SKU from a draft order and answers its new version (body and `ETag`). " +
                "With `If-Match` a stale version is refused with 412. Needs `orders.write`.";
        });
    }

    public override async Task HandleAsync(RemoveOrderLineRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new RemoveOrderLine(req.Id, req.Sku, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
