using Reference.SharedKernel.Filtering;

namespace Reference.UnitTests.Filtering;

public enum RowStatus
{
    Draft,
    Active,
}

public sealed record RowLine(string Sku, int Quantity);

/// <summary>A small read model for parser and field-map tests.</summary>
public sealed record Row(string Id, string TenantId, int Number, string? Title, RowStatus Status, DateTime CreatedAt, List<RowLine> Lines)
{
    public static readonly FieldMap<Row> Map = FieldMap.For<Row>()
        .Key(r => r.Id)
        .Tenant(r => r.TenantId)
        .Field("number", r => r.Number, f => f.Sortable().Alias("no"))
        .Field("title", r => r.Title)
        .Field("status", r => r.Status, f => f.Only(FilterOperator.Equal, FilterOperator.In))
        .Field("createdAt", r => r.CreatedAt, f => f.Sortable())
        .Collection("lines", r => r.Lines, lines => lines.Field("sku", l => l.Sku))
        .Build();
}
