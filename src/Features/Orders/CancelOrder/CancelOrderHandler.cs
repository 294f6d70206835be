using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Fulfilment;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.CancelOrder;

/// <summary>
/// A draft order is cancelled at once; an order in fulfilment records the request, and fulfilment releases its
/// reservations before it cancels the order (code <c>cancelled-by-user</c>, the reason kept). A paid order cannot be
/// cancelled. Another placer's order, without <c>orders.read.all</c>, is not found: a write reaches no order its caller cannot read.
/// </summary>
public sealed class CancelOrderHandler(IEventSourcedRepository<Order, Guid> orders, OrderSummaryAccessPolicy access, FulfilmentOptions fulfilment)
    : ICommandHandler<CancelOrder, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(CancelOrder command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null || !await access.PermitsAsync(command.OrderId, cancellationToken))
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        if (fulfilment.Enabled)
        {
            order.RequestCancellation(command.Reason);
        }
        else
        {
            order.Cancel(command.Reason);
        }

        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
