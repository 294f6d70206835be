using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>The field map of <see cref="TestOrder"/>, declared as a read model's would be.</summary>
public static class TestOrderFields
{
    public static readonly FieldMap<TestOrder> Map = FieldMap.For<TestOrder>()
        .Key(o => o.Id)
        .Tenant(o => o.TenantId)
        .Field("id", o => o.Id, f => f.Sortable())
        .Field("number", o => o.Number, f => f.Sortable())
        .Field("title", o => o.Title, f => f.Sortable())
        .Field("status", o => o.Status, f => f.Sortable())
        .Field("total", o => o.Total, f => f.Sortable().Alias("amount"))
        .Field("priority", o => o.Priority)
        .Field("createdAt", o => o.CreatedAt, f => f.Sortable())
        .Field("dueOn", o => o.DueOn, f => f.Sortable())
        .Field("paid", o => o.Paid)
        .Field("externalRef", o => o.ExternalRef)
        .Field("customer.name", o => o.Customer.Name, f => f.Alias("customer").Sortable())
        .Field("customer.email", o => o.Customer.Email)
        .Collection("lines", o => o.Lines, lines => lines
            .Field("sku", l => l.Sku)
            .Field("qty", l => l.Quantity)
            .MatchSameElementInGroups())
        .Values("tags", o => o.Tags)
        .DefaultSort("createdAt", descending: true)
        .Build();
}
