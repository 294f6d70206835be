using Mediator;
using Reference.Features.Inventory.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Inventory.ReleaseStock;

public sealed class ReleaseStockHandler(IEventSourcedRepository<InventoryItem, string> stock) : ICommandHandler<ReleaseStock, Result<StockLevel>>
{
    public async ValueTask<Result<StockLevel>> Handle(ReleaseStock command, CancellationToken cancellationToken)
    {
        var item = await stock.LoadAsync(InventoryItem.IdOf(command.Sku), cancellationToken);
        if (item is null)
        {
            return StockLevel.None(command.Sku);
        }

        item.Release(command.HolderId);
        if (item.PendingEvents.Count > 0)
        {
            await stock.SaveAsync(item, cancellationToken);
        }

        return StockLevel.Of(item);
    }
}
