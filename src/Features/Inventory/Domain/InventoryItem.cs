using Reference.Features.Inventory.Events;
using Reference.SharedKernel.Domain;

namespace Reference.Features.Inventory.Domain;

/// <summary>
/// One SKU's stock, event-sourced: stock on hand, and reservations keyed by who holds them (an order), so reserving
/// again for the same holder and releasing a reservation that is gone change nothing (the process manager may send
/// either twice). The invariant: available (on hand minus reserved) is never below zero.
/// </summary>
public sealed class InventoryItem : EventSourcedAggregate<string>
{
    private readonly Dictionary<Guid, int> _reservations = [];

    private InventoryItem(string id)
        : base(id) => Sku = SkuOf(id);

    public string Sku { get; private set; }

    public int OnHand { get; private set; }

    public int Reserved => _reservations.Values.Sum();

    public int Available => OnHand - Reserved;

    public IReadOnlyDictionary<Guid, int> Reservations => _reservations;

    /// <summary>The stream id of a SKU's stock: prefixed, so it can never be mistaken for another aggregate's id.</summary>
    public static string IdOf(string sku) => $"inventory:{sku}";

    public static InventoryItem ForReplay(string id) => new(id);

    /// <summary>A SKU that has never had stock: nothing on hand, nothing reserved.</summary>
    public static InventoryItem Empty(string sku) => new(IdOf(sku));

    public void SetOnHand(int onHand)
    {
        if (onHand < Reserved)
        {
            throw new BusinessRuleViolationException(InventoryRules.BelowReserved, $"{Reserved} of '{Sku}' are reserved; stock on hand cannot drop to {onHand}.");
        }

        if (onHand != OnHand || Version == 0)
        {
            Emit(new StockLevelSet(Sku, onHand));
        }
    }

    /// <summary>Reserves <paramref name="quantity"/> for <paramref name="holder"/>; reserving again for the same holder does nothing.</summary>
    public void Reserve(Guid holder, int quantity)
    {
        if (_reservations.ContainsKey(holder))
        {
            return;
        }

        if (quantity > Available)
        {
            throw new BusinessRuleViolationException(InventoryRules.OutOfStock, $"'{Sku}' has {Available} available; {quantity} cannot be reserved.");
        }

        Emit(new StockReserved(Sku, holder, quantity));
    }

    /// <summary>Releases what <paramref name="holder"/> reserved; nothing when it holds nothing (already released, or never reserved).</summary>
    public void Release(Guid holder)
    {
        if (_reservations.TryGetValue(holder, out var quantity))
        {
            Emit(new StockReleased(Sku, holder, quantity));
        }
    }

    protected override void Apply(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case StockLevelSet set:
                OnHand = set.OnHand;
                break;
            case StockReserved reserved:
                _reservations[reserved.HolderId] = reserved.Quantity;
                break;
            case StockReleased released:
                _reservations.Remove(released.HolderId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "Not an inventory event.");
        }
    }

    private static string SkuOf(string id) => id.StartsWith("inventory:", StringComparison.Ordinal) ? id["inventory:".Length..] : id;
}
