using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Orders;

/// <summary>What <c>GET /api/orders</c> lets callers filter and sort on; anything else is an <c>unknown_field</c>.</summary>
public static class OrderSummaryFields
{
    public static readonly FieldMap<OrderSummary> Map = FieldMap.For<OrderSummary>()
        .Key(o => o.Id)
        .Tenant(o => o.TenantId)
        .Field("status", o => o.Status, f => f
            .ConvertWith(StatusName)
            .Only(FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.In, FilterOperator.NotIn)
            .Sortable())
        .Field("customerId", o => o.CustomerId)
        .Field("currency", o => o.Currency, f => f.Only(FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.In, FilterOperator.NotIn))
        .Field("total", o => o.Total, f => f.Sortable())
        .Field("lineCount", o => o.LineCount, f => f.Sortable())
        .Field("itemCount", o => o.ItemCount, f => f.Sortable())
        .Field("placedAt", o => o.PlacedAt, f => f.Sortable().Alias("createdAt"))
        .Field("updatedAt", o => o.UpdatedAt, f => f.Sortable())
        .DefaultSort("placedAt", descending: true)
        .Build();

    /// <summary>
    /// The read model stores the status as its name; only a declared name matches (any case), never a number,
    /// so a typo is an <c>invalid_value</c> error rather than an empty list.
    /// </summary>
    private static string StatusName(string text) =>
        Enum.GetNames<OrderStatus>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"'{text}' is not an order status ({string.Join(", ", Enum.GetNames<OrderStatus>())}).");
}
