namespace Reference.Features.Inventory;

/// <summary>The permissions of the Inventory slice, as roles grant them in <c>Authorization:Rbac</c>.</summary>
public static class InventoryPermissions
{
    public const string Read = "inventory.read";

    /// <summary>Set a SKU's stock on hand.</summary>
    public const string Manage = "inventory.manage";

    /// <summary>Reserve and release stock: the <c>system</c> role holds it, for order fulfilment.</summary>
    public const string Reserve = "inventory.reserve";
}
