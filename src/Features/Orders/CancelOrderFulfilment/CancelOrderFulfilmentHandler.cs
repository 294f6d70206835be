using Mediator;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.CancelOrderFulfilment;

public sealed class CancelOrderFulfilmentHandler(IEventSourcedRepository<Order, Guid> orders) : ICommandHandler<CancelOrderFulfilment, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(CancelOrderFulfilment command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        order.CancelFulfilment(command.Code, command.Reason);
        if (order.PendingEvents.Count > 0)
        {
            await orders.SaveAsync(order, cancellationToken);
        }

        return new OrderVersion(order.Id, order.Version);
    }
}
