using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.AddOrderLine;

public sealed class AddOrderLineHandler(IEventSourcedRepository<Order, Guid> orders) : ICommandHandler<AddOrderLine, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(AddOrderLine command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        order.AddLine(new OrderLine(command.Sku, command.Quantity, command.UnitPrice), command.Currency);
        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
