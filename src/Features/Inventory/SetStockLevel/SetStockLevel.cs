using Reference.SharedKernel.Application.Messaging;

namespace Reference.Features.Inventory.SetStockLevel;

public sealed record SetStockLevel(string Sku, int OnHand) : ITenantCommand<StockLevel>
{
    string IRequirePermission.RequiredPermission => InventoryPermissions.Manage;

    string IAuditable.AuditResourceType => "Inventory";

    string? IAuditable.AuditResourceId => Sku;
}
