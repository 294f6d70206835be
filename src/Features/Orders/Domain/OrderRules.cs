namespace Reference.Features.Orders.Domain;

/// <summary>The stable codes of the order's invariants; clients may switch on them (HTTP 422 <c>code</c>).</summary>
public static class OrderRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 1000;

    public const string QuantityOutOfRange = "order.quantity_out_of_range";
    public const string NegativePrice = "order.negative_price";
    public const string CurrencyMismatch = "order.currency_mismatch";
    public const string DuplicateSku = "order.duplicate_sku";
    public const string LineNotFound = "order.line_not_found";
    public const string NoLines = "order.no_lines";
    public const string AlreadyConfirmed = "order.already_confirmed";
    public const string AlreadyCancelled = "order.already_cancelled";
}
