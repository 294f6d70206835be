using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.ConfirmOrder;

public sealed class ConfirmOrderHandler(IEventSourcedRepository<Order, Guid> orders) : ICommandHandler<ConfirmOrder, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(ConfirmOrder command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        order.Confirm();
        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
