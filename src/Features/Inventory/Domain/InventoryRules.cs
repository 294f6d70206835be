namespace Reference.Features.Inventory.Domain;

/// <summary>The stable codes of the inventory's business rules.</summary>
public static class InventoryRules
{
    /// <summary>Not enough stock available for a reservation (a SKU with no stock record has none).</summary>
    public const string OutOfStock = "inventory.out_of_stock";

    /// <summary>Stock on hand may not drop below what is reserved.</summary>
    public const string BelowReserved = "inventory.below_reserved";
}
