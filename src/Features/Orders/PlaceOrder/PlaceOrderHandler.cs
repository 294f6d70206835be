using Mediator;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders.PlaceOrder;

public sealed class PlaceOrderHandler(IEventSourcedRepository<Order, Guid> orders) : ICommandHandler<PlaceOrder, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(PlaceOrder command, CancellationToken cancellationToken)
    {
        var order = Order.Place(
            command.OrderId,
            command.CustomerId,
            command.Currency,
            command.Lines.Select(l => new OrderLine(l.Sku, l.Quantity, l.UnitPrice)));
        await orders.SaveAsync(order, cancellationToken);
        return new OrderVersion(order.Id, order.Version);
    }
}
