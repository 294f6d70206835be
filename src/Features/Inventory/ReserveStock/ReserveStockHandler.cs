using Mediator;
using Reference.Features.Inventory.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Inventory.ReserveStock;

/// <summary>
/// Not enough available (a SKU with no stock record has none) is a rule violation (<c>inventory.out_of_stock</c>),
/// which the fulfilment process takes as out of stock; a second reservation by the same holder changes nothing.
/// </summary>
public sealed class ReserveStockHandler(IEventSourcedRepository<InventoryItem, string> stock) : ICommandHandler<ReserveStock, Result<StockLevel>>
{
    public async ValueTask<Result<StockLevel>> Handle(ReserveStock command, CancellationToken cancellationToken)
    {
        var item = await stock.LoadAsync(InventoryItem.IdOf(command.Sku), cancellationToken) ?? InventoryItem.Empty(command.Sku);
        item.Reserve(command.HolderId, command.Quantity);
        if (item.PendingEvents.Count > 0)
        {
            await stock.SaveAsync(item, cancellationToken);
        }

        return StockLevel.Of(item);
    }
}
