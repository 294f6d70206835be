using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Inventory.Events;

/// <summary><paramref name="HolderId"/> (an order) holds <paramref name="Quantity"/> of the SKU.</summary>
[EventType("inventory.stock_reserved")]
public sealed record StockReserved(string Sku, Guid HolderId, int Quantity) : DomainEvent;
