using Mediator;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Fulfilment;
using Reference.Features.Shared;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Processes;

namespace Reference.Features.Orders.ConfirmOrder;

/// <summary>
/// Confirms the order and starts its fulfilment in the same transaction: the instance and its first command commit
/// with the confirmation, or neither does. Another placer's order, without <c>orders.read.all</c>, is not found: a
/// write reaches no order its caller cannot read.
/// </summary>
public sealed class ConfirmOrderHandler(
    IEventSourcedRepository<Order, Guid> orders,
    OrderSummaryAccessPolicy access,
    FulfilmentOptions fulfilment,
    OrderFulfilmentProcess process,
    IProcessStarter processes) : ICommandHandler<ConfirmOrder, Result<OrderVersion>>
{
    public async ValueTask<Result<OrderVersion>> Handle(ConfirmOrder command, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(command.OrderId, cancellationToken);
        if (order is null || !await access.PermitsAsync(command.OrderId, cancellationToken))
        {
            return Error.NotFound("order", command.OrderId.ToString());
        }

        ConcurrencyGuard.EnsureVersion(command.OrderId.ToString(), command.ExpectedVersion, order.Version);
        order.Confirm();
        await orders.SaveAsync(order, cancellationToken);
        if (fulfilment.Enabled)
        {
            var start = new FulfilmentStart(order.Id, order.Currency, order.Total, [.. order.Lines.Select(l => new FulfilmentLine(l.Sku, l.Quantity))]);
            await processes.StartAsync(process, order.Id.ToString(), start, cancellationToken);
        }

        return new OrderVersion(order.Id, order.Version);
    }
}
