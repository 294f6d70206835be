using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Inventory.ReserveStock;

/// <summary>Reserves <paramref name="Quantity"/> of <paramref name="Sku"/> for <paramref name="HolderId"/> (an order); idempotent per holder.</summary>
[ProcessCommand(Name)]
public sealed record ReserveStock(string Sku, Guid HolderId, int Quantity) : ITenantCommand<StockLevel>
{
    public const string Name = "inventory.reserve";

    string IRequirePermission.RequiredPermission => InventoryPermissions.Reserve;

    string IAuditable.AuditResourceType => "Inventory";

    string? IAuditable.AuditResourceId => Sku;
}
