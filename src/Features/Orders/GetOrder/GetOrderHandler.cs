using Mediator;
using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Features.Orders.GetOrder;

/// <summary>
/// Reads one order as of every write acknowledged before the read (ADR 0007): the summary when it has reached the
/// stream's version (one key lookup on the write side tells), otherwise the order replayed from its stream (from
/// its latest snapshot). An order the caller may not see (another placer's, without read-all) is 404 like a missing
/// one. With a minimum version the stream has not reached yet, the read waits, bounded, for the write it names; an
/// order that stays behind is <see cref="ErrorKind.NotYetConsistent"/>, and no order at all is 404 after the same
/// wait, so an order of another tenant cannot be told from one that does not exist.
/// </summary>
public sealed class GetOrderHandler(
    IReadModelStore<OrderSummary> summaries,
    IEventStore events,
    IEventSourcedRepository<Order, Guid> orders,
    OrderSummaryAccessPolicy access,
    ReadModelWaiter<OrderSummary> waiter)
    : IQueryHandler<GetOrder, Result<OrderDetails>>
{
    public async ValueTask<Result<OrderDetails>> Handle(GetOrder query, CancellationToken cancellationToken)
    {
        var key = OrderSummaryProjection.Key(query.OrderId);

        // The summary first, the stream's version second: the version is then at least the summary's, so a summary
        // that matches it reflects every write committed before this read began.
        var summary = await summaries.GetAsync(key, cancellationToken);
        var streamId = query.OrderId.ToString();
        var version = await events.GetStreamVersionAsync(streamId, cancellationToken);
        if (query.MinVersion is { } wanted && version < wanted)
        {
            // The write the caller names has not committed yet (or never will): wait for it as the read model
            // sees it, then look at the stream again.
            summary = await waiter.GetWhenAsync(key, s => s.Version >= wanted, cancellationToken);
            version = await events.GetStreamVersionAsync(streamId, cancellationToken);
        }

        if (version == 0)
        {
            return Error.NotFound("order", query.OrderId.ToString());
        }

        var (details, permitted) = summary is not null && summary.Version >= version
            ? (OrderDetails.From(summary), await access.PermitsAsync(summary.PlacedBy, cancellationToken))
            : await FromStreamAsync(query.OrderId, cancellationToken);
        if (details is null || !permitted)
        {
            return Error.NotFound("order", query.OrderId.ToString());
        }

        if (query.MinVersion is { } minVersion && details.Version < minVersion)
        {
            return Error.NotYetConsistent("order", query.OrderId.ToString(), minVersion);
        }

        return details;
    }

    private async Task<(OrderDetails? Details, bool Permitted)> FromStreamAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await orders.LoadAsync(orderId, cancellationToken);
        return order is null ? (null, false) : (OrderDetails.From(order), await access.PermitsAsync(orderId, cancellationToken));
    }
}
