using Mediator;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.GetOrder;

public sealed class GetOrderHandler(IEventSourcedRepository<Order, Guid> orders) : IQueryHandler<GetOrder, Result<OrderDetails>>
{
    public async ValueTask<Result<OrderDetails>> Handle(GetOrder query, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(query.OrderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("order", query.OrderId.ToString());
        }

        return new OrderDetails(
            order.Id,
            order.CustomerId,
            order.Currency,
            order.Status.ToString(),
            [.. order.Lines.Select(l => new OrderLineDetails(l.Sku, l.Quantity, l.UnitPrice, l.Total))],
            order.Total,
            order.CancellationReason,
            order.Version);
    }
}
