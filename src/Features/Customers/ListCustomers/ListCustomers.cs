using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Customers.ListCustomers;

/// <summary>
/// Lists the current tenant's customers from the customer summary read model (filter, sort and page per
/// <see cref="CustomerSummaryFields"/>). Not cached: any customer change would have to evict every page.
/// </summary>
public sealed record ListCustomers(ListQuery Query) : ITenantQuery<PagedResult<CustomerListItem>>
{
    string IRequirePermission.RequiredPermission => CustomerPermissions.Read;
}

public sealed record CustomerListItem(Guid Id, string Name, string Email, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt)
{
    public static CustomerListItem From(CustomerSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new CustomerListItem(Guid.Parse(summary.Id), summary.Name, summary.Email, summary.RegisteredAt, summary.UpdatedAt);
    }
}
