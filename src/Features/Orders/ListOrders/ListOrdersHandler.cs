using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Orders.ListOrders;

/// <summary>Reads the order summaries (eventually consistent with the order streams).</summary>
public sealed class ListOrdersHandler(
    IReadModelStore<OrderSummary> summaries, ITenantContext tenant, IRowAccessPolicy<OrderSummary> access)
    : IQueryHandler<ListOrders, Result<PagedResult<OrderListItem>>>
{
    public async ValueTask<Result<PagedResult<OrderListItem>>> Handle(ListOrders query, CancellationToken cancellationToken)
    {
        var constraints = ListConstraints<OrderSummary>.FromContext(tenant, await access.PredicateAsync(cancellationToken));
        var page = await summaries.ListPageAsync(query.Query, OrderSummaryFields.Map, constraints, cancellationToken);
        return page.Map(OrderListItem.From);
    }
}
