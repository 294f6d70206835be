using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Inventory.ReleaseStock;

/// <summary>Releases what <paramref name="HolderId"/> reserved of <paramref name="Sku"/>; nothing when it holds nothing.</summary>
[ProcessCommand(Name)]
public sealed record ReleaseStock(string Sku, Guid HolderId) : ITenantCommand<StockLevel>
{
    public const string Name = "inventory.release";

    string IRequirePermission.RequiredPermission => InventoryPermissions.Reserve;

    string IAuditable.AuditResourceType => "Inventory";

    string? IAuditable.AuditResourceId => Sku;
}
