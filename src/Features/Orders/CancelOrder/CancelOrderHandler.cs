using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.CancelOrder;

/// <summary>Another placer's order, without <c>orders.read.all</c>, is not found: a write reaches no order its caller cannot read.</summary>
public sealed class CancelOrderHandler(IEventSourcedRepository<Order, Guid> orders, OrderSummaryAccessPolicy access) : ICommandHandler<CancelOrder, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(CancelOrder command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null || !await access.PermitsAsync(command.OrderId, cancellationToken))
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        order.Cancel(command.Reason);
        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
