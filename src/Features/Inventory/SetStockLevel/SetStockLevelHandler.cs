using Mediator;
using Reference.Features.Inventory.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Inventory.SetStockLevel;

/// <summary>Sets what is on hand; it may not drop below what is reserved (422). A concurrent reservation is a 409.</summary>
public sealed class SetStockLevelHandler(IEventSourcedRepository<InventoryItem, string> stock) : ICommandHandler<SetStockLevel, Result<StockLevel>>
{
    public async ValueTask<Result<StockLevel>> Handle(SetStockLevel command, CancellationToken cancellationToken)
    {
        var item = await stock.LoadAsync(InventoryItem.IdOf(command.Sku), cancellationToken) ?? InventoryItem.Empty(command.Sku);
        item.SetOnHand(command.OnHand);
        await stock.SaveAsync(item, cancellationToken);
        return StockLevel.Of(item);
    }
}
