using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Inventory.GetStockLevel;

public sealed record GetStockLevelRequest(string Sku);

/// <summary><c>GET /api/inventory/{sku}</c> → 200 with <c>{ sku, onHand, reserved, available }</c>; another tenant's SKU is 404.</summary>
public sealed class GetStockLevelEndpoint(ISender sender) : Endpoint<GetStockLevelRequest, StockLevel>
{
    public override void Configure()
    {
        Get("/api/inventory/{sku}");
        Description(d => d.WithTags("Inventory").Produces<StockLevel>(StatusCodes.Status200OK).ProducesProblems(400, 403, 404));
        Summary(s =>
        {
            s.Summary = "Reads a SKU's stock.";
            s.Description =
                "Answers what is on hand, reserved by orders in fulfilment, and available (on hand minus reserved, never " +
                "below 0), reflecting every write already acknowledged. A SKU without a stock record is 404. Needs `inventory.read`.";
        });
    }

    public override async Task HandleAsync(GetStockLevelRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new GetStockLevel(req.Sku), ct), s => s.Version);
}
