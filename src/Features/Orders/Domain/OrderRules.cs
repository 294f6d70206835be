namespace Reference.Features.Orders.Domain;

/// <summary>
/// The order's limits and the stable codes of its invariants; clients may switch on the codes (HTTP 422 <c>code</c>).
/// The limits bound every number an order holds, so its money arithmetic cannot overflow anywhere it is
/// redone (the aggregate, the projection, a rebuild) and fits any store's decimal column: the largest line is
/// <see cref="MaxQuantity"/> × <see cref="MaxUnitPrice"/>, and <see cref="MaxTotal"/> caps the sum of all lines.
/// </summary>
public static class OrderRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 1000;

    /// <summary>The highest unit price, in the order's currency.</summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>Decimal places a unit price may have: enough for every ISO 4217 minor unit.</summary>
    public const int MaxUnitPriceDecimals = 4;

    /// <summary>Lines an order may hold, however they arrive (placed with it or added later).</summary>
    public const int MaxLines = 100;

    /// <summary>The highest order total: one line at the largest quantity and unit price.</summary>
    public const decimal MaxTotal = MaxQuantity * MaxUnitPrice;

    public const string AlreadyPaid = "order.already_paid";
    public const string QuantityOutOfRange = "order.quantity_out_of_range";
    public const string NegativePrice = "order.negative_price";
    public const string UnitPriceOutOfRange = "order.unit_price_out_of_range";
    public const string TooManyLines = "order.too_many_lines";
    public const string TotalOutOfRange = "order.total_out_of_range";
    public const string CurrencyMismatch = "order.currency_mismatch";
    public const string DuplicateSku = "order.duplicate_sku";
    public const string LineNotFound = "order.line_not_found";
    public const string NoLines = "order.no_lines";
    public const string AlreadyConfirmed = "order.already_confirmed";
    public const string AlreadyCancelled = "order.already_cancelled";
}
