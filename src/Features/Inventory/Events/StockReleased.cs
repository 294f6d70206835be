using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Inventory.Events;

[EventType("inventory.stock_released")]
public sealed record StockReleased(string Sku, Guid HolderId, int Quantity) : DomainEvent;
