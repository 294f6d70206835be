using Mediator;
using Reference.Features.Inventory.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Inventory.GetStockLevel;

/// <summary>A SKU with no stock record in the caller's tenant (or only in another tenant) is 404.</summary>
public sealed class GetStockLevelHandler(IEventSourcedRepository<InventoryItem, string> stock) : IQueryHandler<GetStockLevel, Result<StockLevel>>
{
    public async ValueTask<Result<StockLevel>> Handle(GetStockLevel query, CancellationToken cancellationToken)
    {
        var item = await stock.LoadAsync(InventoryItem.IdOf(query.Sku), cancellationToken);
        return item is null ? Error.NotFound("inventory", query.Sku) : StockLevel.Of(item);
    }
}
