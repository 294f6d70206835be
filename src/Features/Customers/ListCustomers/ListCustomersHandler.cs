using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Customers.ListCustomers;

/// <summary>Reads the customer summaries (eventually consistent with the customer streams).</summary>
public sealed class ListCustomersHandler(IReadModelStore<CustomerSummary> summaries, ITenantContext tenant)
    : IQueryHandler<ListCustomers, Result<PagedResult<CustomerListItem>>>
{
    public async ValueTask<Result<PagedResult<CustomerListItem>>> Handle(ListCustomers query, CancellationToken cancellationToken)
    {
        var page = await summaries.ListPageAsync(
            query.Query, CustomerSummaryFields.Map, ListConstraints<CustomerSummary>.FromContext(tenant), cancellationToken);
        return page.Map(CustomerListItem.From);
    }
}
