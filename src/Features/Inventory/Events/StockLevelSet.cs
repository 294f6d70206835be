using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Inventory.Events;

[EventType("inventory.stock_level_set")]
public sealed record StockLevelSet(string Sku, int OnHand) : DomainEvent;
