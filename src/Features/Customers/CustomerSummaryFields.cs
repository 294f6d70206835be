using Reference.SharedKernel.Filtering;

namespace Reference.Features.Customers;

/// <summary>What <c>GET /api/customers</c> lets callers filter and sort on; anything else is an <c>unknown_field</c>.</summary>
public static class CustomerSummaryFields
{
    public static readonly FieldMap<CustomerSummary> Map = FieldMap.For<CustomerSummary>()
        .Key(c => c.Id)
        .Tenant(c => c.TenantId)
        .Field("name", c => c.Name, f => f.Sortable())
        .Field("email", c => c.Email, f => f.Sortable())
        .Field("renames", c => c.Renames)
        .Field("registeredAt", c => c.RegisteredAt, f => f.Sortable().Alias("createdAt"))
        .Field("updatedAt", c => c.UpdatedAt, f => f.Sortable())
        .DefaultSort("name")
        .Build();
}
