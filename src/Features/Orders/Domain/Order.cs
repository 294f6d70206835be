using System.Globalization;
using Reference.Features.Orders.Events;
using Reference.SharedKernel.Domain;

namespace Reference.Features.Orders.Domain;

/// <summary>
/// An order, event-sourced: every command method checks the invariants, then emits an event;
/// state changes only in <see cref="Apply"/>. A draft order can be edited; a confirmed order is being fulfilled
/// (it ends <see cref="OrderStatus.Paid"/> or cancelled with a <see cref="CancellationCode"/>) and can only be
/// cancelled; a paid or cancelled order cannot change at all. One currency per order. Every number it holds
/// stays within <see cref="OrderRules"/>' limits, and its total is computed with checked arithmetic.
/// </summary>
public sealed class Order : EventSourcedAggregate<Guid>
{
    private readonly List<OrderLine> _lines = [];

    private Order(Guid id)
        : base(id)
    {
    }

    public Guid CustomerId { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public OrderStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Why the order ended cancelled, as a stable code (<see cref="OrderCancellationCodes"/>); null unless it did.</summary>
    public string? CancellationCode { get; private set; }

    /// <summary>A user asked to cancel while fulfilment runs; the order is cancelled once its reservations are released.</summary>
    public string? PendingCancellation { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public decimal Total => _lines.Sum(l => l.Total);

    /// <summary>An order with no history yet, for a repository to replay the stream onto.</summary>
    public static Order ForReplay(Guid orderId) => new(orderId);

    public static Order Place(Guid orderId, Guid customerId, string currency, IEnumerable<OrderLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var placedLines = lines.ToList();
        foreach (var line in placedLines)
        {
            EnsureValid(line);
        }

        EnsureWithinLimits(placedLines);

        var duplicate = placedLines.GroupBy(l => l.Sku, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BusinessRuleViolationException(OrderRules.DuplicateSku, $"SKU '{duplicate.Key}' appears more than once.");
        }

        var order = new Order(orderId);
        order.Emit(new OrderPlaced(
            orderId,
            customerId,
            currency,
            [.. placedLines.Select(l => new OrderLinePlaced(l.Sku, l.Quantity, l.UnitPrice))]));
        return order;
    }

    public void AddLine(OrderLine line, string currency)
    {
        ArgumentNullException.ThrowIfNull(line);
        EnsureEditable();
        EnsureValid(line);
        if (!string.Equals(currency, Currency, StringComparison.Ordinal))
        {
            throw new BusinessRuleViolationException(
                OrderRules.CurrencyMismatch,
                $"The order is in {Currency}; a line priced in {currency} cannot be added.");
        }

        if (FindLine(line.Sku) is not null)
        {
            throw new BusinessRuleViolationException(OrderRules.DuplicateSku, $"The order already has a line for SKU '{line.Sku}'.");
        }

        EnsureWithinLimits([.. _lines, line]);
        Emit(new OrderLineAdded(Id, line.Sku, line.Quantity, line.UnitPrice));
    }

    public void RemoveLine(string sku)
    {
        EnsureEditable();
        var line = FindLine(sku)
            ?? throw new BusinessRuleViolationException(OrderRules.LineNotFound, $"The order has no line for SKU '{sku}'.");
        Emit(new OrderLineRemoved(Id, line.Sku));
    }

    public void Confirm()
    {
        EnsureEditable();
        if (_lines.Count == 0)
        {
            throw new BusinessRuleViolationException(OrderRules.NoLines, "An order needs at least one line to be confirmed.");
        }

        // Checked again: lines stored before the limits existed may add up past them.
        Emit(new OrderConfirmed(Id, CheckedTotal(_lines)));
    }

    public void Cancel(string reason)
    {
        EnsureNotFinished();
        Emit(new OrderCancelled(Id, reason));
    }

    /// <summary>
    /// A user's cancel of an order in fulfilment: recorded as a request, which the fulfilment process answers by
    /// releasing the reservations and then cancelling the order (<see cref="CancelFulfilment"/>).
    /// </summary>
    public void RequestCancellation(string reason)
    {
        EnsureNotFinished();
        if (Status != OrderStatus.Confirmed)
        {
            Cancel(reason);
            return;
        }

        if (PendingCancellation is null)
        {
            Emit(new OrderCancellationRequested(Id, reason));
        }
    }

    /// <summary>Fulfilment took the payment; paying a paid order again changes nothing.</summary>
    public void MarkPaid()
    {
        if (Status == OrderStatus.Paid)
        {
            return;
        }

        if (Status != OrderStatus.Confirmed)
        {
            throw new BusinessRuleViolationException(OrderRules.AlreadyCancelled, $"A {Status} order cannot be paid.");
        }

        Emit(new OrderPaid(Id));
    }

    /// <summary>Fulfilment ended without payment (reservations already released); a cancelled order stays as it is.</summary>
    public void CancelFulfilment(string code, string reason)
    {
        if (Status == OrderStatus.Cancelled)
        {
            return;
        }

        if (Status != OrderStatus.Confirmed)
        {
            throw new BusinessRuleViolationException(OrderRules.AlreadyPaid, $"A {Status} order cannot be cancelled by fulfilment.");
        }

        Emit(new OrderFulfilmentCancelled(Id, code, reason));
    }

    /// <summary>The state a snapshot records (see <see cref="OrderSnapshotter"/>).</summary>
    internal OrderSnapshot ToSnapshot() => new(Id, CustomerId, Currency, Status, CancellationReason, [.. _lines], CancellationCode, PendingCancellation);

    /// <summary>An order in the state <paramref name="snapshot"/> recorded; the repository sets its version.</summary>
    internal static Order FromSnapshot(OrderSnapshot snapshot)
    {
        var order = new Order(snapshot.Id)
        {
            CustomerId = snapshot.CustomerId,
            Currency = snapshot.Currency,
            Status = snapshot.Status,
            CancellationReason = snapshot.CancellationReason,
            CancellationCode = snapshot.CancellationCode,
            PendingCancellation = snapshot.PendingCancellation,
        };
        order._lines.AddRange(snapshot.Lines);
        return order;
    }

    protected override void Apply(DomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case OrderPlaced placed:
                Id = placed.OrderId;
                CustomerId = placed.CustomerId;
                Currency = placed.Currency;
                Status = OrderStatus.Draft;
                _lines.AddRange(placed.Lines.Select(l => new OrderLine(l.Sku, l.Quantity, l.UnitPrice)));
                break;
            case OrderLineAdded added:
                _lines.Add(new OrderLine(added.Sku, added.Quantity, added.UnitPrice));
                break;
            case OrderLineRemoved removed:
                _lines.RemoveAll(l => string.Equals(l.Sku, removed.Sku, StringComparison.OrdinalIgnoreCase));
                break;
            case OrderConfirmed:
                Status = OrderStatus.Confirmed;
                break;
            case OrderCancelled cancelled:
                Status = OrderStatus.Cancelled;
                CancellationReason = cancelled.Reason;
                CancellationCode = OrderCancellationCodes.CancelledByUser;
                break;
            case OrderCancellationRequested requested:
                PendingCancellation = requested.Reason;
                break;
            case OrderPaid:
                Status = OrderStatus.Paid;
                break;
            case OrderFulfilmentCancelled fulfilmentCancelled:
                Status = OrderStatus.Cancelled;
                CancellationCode = fulfilmentCancelled.Code;
                CancellationReason = fulfilmentCancelled.Reason;
                PendingCancellation = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "Not an order event.");
        }
    }

    private static void EnsureValid(OrderLine line)
    {
        if (line.Quantity is < OrderRules.MinQuantity or > OrderRules.MaxQuantity)
        {
            throw new BusinessRuleViolationException(
                OrderRules.QuantityOutOfRange,
                $"Quantity must be between {OrderRules.MinQuantity} and {OrderRules.MaxQuantity}; got {line.Quantity} for SKU '{line.Sku}'.");
        }

        if (line.UnitPrice < 0)
        {
            throw new BusinessRuleViolationException(OrderRules.NegativePrice, $"The unit price of SKU '{line.Sku}' must not be negative.");
        }

        if (line.UnitPrice > OrderRules.MaxUnitPrice || line.UnitPrice != Math.Round(line.UnitPrice, OrderRules.MaxUnitPriceDecimals))
        {
            throw new BusinessRuleViolationException(
                OrderRules.UnitPriceOutOfRange,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The unit price of SKU '{line.Sku}' must be at most {OrderRules.MaxUnitPrice:N0} with at most {OrderRules.MaxUnitPriceDecimals} decimal places; got {line.UnitPrice}."));
        }
    }

    private static void EnsureWithinLimits(IReadOnlyCollection<OrderLine> lines)
    {
        if (lines.Count > OrderRules.MaxLines)
        {
            throw new BusinessRuleViolationException(
                OrderRules.TooManyLines, $"An order has at most {OrderRules.MaxLines} lines; this would make {lines.Count}.");
        }

        _ = CheckedTotal(lines);
    }

    /// <summary>The sum of the lines, or a rule violation when it passes <see cref="OrderRules.MaxTotal"/> (or overflows).</summary>
    private static decimal CheckedTotal(IEnumerable<OrderLine> lines)
    {
        var total = 0m;
        try
        {
            foreach (var line in lines)
            {
                total += line.Total;
            }
        }
        catch (OverflowException)
        {
            total = decimal.MaxValue;
        }

        return total <= OrderRules.MaxTotal
            ? total
            : throw new BusinessRuleViolationException(
                OrderRules.TotalOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"An order total may be at most {OrderRules.MaxTotal:N0}; these lines add up to more."));
    }

    private void EnsureEditable()
    {
        switch (Status)
        {
            case OrderStatus.Confirmed:
                throw new BusinessRuleViolationException(OrderRules.AlreadyConfirmed, "A confirmed order can only be cancelled.");
            case OrderStatus.Paid:
                throw new BusinessRuleViolationException(OrderRules.AlreadyPaid, "A paid order cannot change.");
            case OrderStatus.Cancelled:
                throw new BusinessRuleViolationException(OrderRules.AlreadyCancelled, "A cancelled order cannot change.");
        }
    }

    private void EnsureNotFinished()
    {
        switch (Status)
        {
            case OrderStatus.Paid:
                throw new BusinessRuleViolationException(OrderRules.AlreadyPaid, "A paid order cannot be cancelled.");
            case OrderStatus.Cancelled:
                throw new BusinessRuleViolationException(OrderRules.AlreadyCancelled, "The order is already cancelled.");
        }
    }

    private OrderLine? FindLine(string sku) =>
        _lines.Find(l => string.Equals(l.Sku, sku, StringComparison.OrdinalIgnoreCase));
}
