using Reference.Features.Inventory.Domain;

namespace Reference.Features.Inventory;

/// <summary>A SKU's stock as <c>GET /api/inventory/{sku}</c> answers it; <see cref="Version"/> is its <c>ETag</c>.</summary>
public sealed record StockLevel(string Sku, int OnHand, int Reserved, int Available, long Version)
{
    public static StockLevel Of(InventoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new StockLevel(item.Sku, item.OnHand, item.Reserved, item.Available, item.Version);
    }

    public static StockLevel None(string sku) => new(sku, 0, 0, 0, 0);
}
