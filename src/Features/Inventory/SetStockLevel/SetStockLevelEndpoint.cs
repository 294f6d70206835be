using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;
using Reference.Features.Shared.Http;

namespace Reference.Features.Inventory.SetStockLevel;

public sealed record SetStockLevelRequest(string Sku, int OnHand);

/// <summary><c>PUT /api/inventory/{sku}</c> with <c>{ onHand }</c> → 200 with the stock level and its <c>ETag</c>.</summary>
public sealed class SetStockLevelEndpoint(ISender sender) : Endpoint<SetStockLevelRequest, StockLevel>
{
    public override void Configure()
    {
        Put("/api/inventory/{sku}");
        Description(d => d.WithTags("Inventory").Produces<StockLevel>(StatusCodes.Status200OK).ProducesProblems(400, 403, 409, 413, 415, 422));
        Summary(s =>
        {
            s.Summary = "Sets a SKU's stock on hand.";
            s.Description =
                "Sets how many units of the SKU are on hand in the caller's tenant, creating the stock record on first use. " +
                "It may not drop below what orders have reserved (422 `inventory.below_reserved`). Needs `inventory.manage`.";
        });
    }

    public override async Task HandleAsync(SetStockLevelRequest req, CancellationToken ct) =>
        await this.SendVersionedAsync(await sender.Send(new SetStockLevel(req.Sku, req.OnHand), ct), s => s.Version);
}
