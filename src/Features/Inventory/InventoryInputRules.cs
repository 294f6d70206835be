namespace Reference.Features.Inventory;

public static class InventoryInputRules
{
    public const int MaxSkuLength = 64;

    public const int MaxOnHand = 1_000_000_000;
}
