using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.RemoveOrderLine;

public sealed class RemoveOrderLineHandler(IEventSourcedRepository<Order, Guid> orders) : ICommandHandler<RemoveOrderLine, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(RemoveOrderLine command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        order.RemoveLine(command.Sku);
        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
