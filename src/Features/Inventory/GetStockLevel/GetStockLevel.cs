using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Inventory.GetStockLevel;

/// <summary>Reads a SKU's stock from its stream, so it reflects every acknowledged write. Not cached for the same reason.</summary>
public sealed record GetStockLevel(string Sku) : ITenantQuery<StockLevel>
{
    string IRequirePermission.RequiredPermission => InventoryPermissions.Read;
}
