using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Orders.AddOrderLine;

public sealed record AddOrderLineRequest(Guid Id, string Sku, int Quantity, decimal UnitPrice, string Currency);

/// <summary><c>POST /api/orders/{id}/lines</c> (optional <c>If-Match</c>) → 200 with the new <c>ETag</c>.</summary>
public sealed class AddOrderLineEndpoint(ISender sender) : Endpoint<AddOrderLineRequest, OrderVersion>
{
    public override void Configure()
    {
        Post("/api/orders/{id}/lines");
        Description(d => d.WithTags("Orders").ProducesProblems(400, 403, 404, 409, 412, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Adds a line to a draft order.";
            s.Description =
                "Adds a line (SKU, quantity, unit price in the order's currency) to a draft order and answers its new " +
                "version (body and `ETag`). With `If-Match` a stale version is refused with 412. Needs " +
                "`orders.write`.";
        });
    }

    public override async Task HandleAsync(AddOrderLineRequest req, CancellationToken ct)
    {
        if (!EntityTags.TryReadIfMatch(HttpContext.Request, out var expectedVersion))
        {
            await this.SendInvalidIfMatchAsync();
            return;
        }

        var result = await sender.Send(new AddOrderLine(req.Id, req.Sku, req.Quantity, req.UnitPrice, req.Currency, expectedVersion), ct);
        await this.SendVersionedAsync(result, v => v.Version);
    }
}
