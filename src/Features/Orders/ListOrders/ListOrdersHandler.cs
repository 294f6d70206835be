using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.ListOrders;

/// <summary>Reads the order summaries (eventually consistent with the order streams).</summary>
public sealed class ListOrdersHandler(IReadModelStore<OrderSummary> summaries) : IQueryHandler<ListOrders, Result<OrderList>>
{
    public async ValueTask<Result<OrderList>> Handle(ListOrders query, CancellationToken cancellationToken)
    {
        IQueryable<OrderSummary> Filter(IQueryable<OrderSummary> all) =>
            query.Status is null ? all : all.Where(s => s.Status == query.Status);

        var total = await summaries.CountAsync(Filter, cancellationToken);
        var page = await summaries.ListAsync(
            q => Filter(q).OrderByDescending(s => s.PlacedAt).ThenBy(s => s.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize),
            cancellationToken);
        return new OrderList(
            [.. page.Select(s => new OrderListItem(Guid.Parse(s.Id), s.CustomerId, s.Currency, s.Status, s.LineCount, s.Total, s.Version, s.PlacedAt, s.UpdatedAt))],
            total,
            query.Page,
            query.PageSize);
    }
}
