using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Features.Orders.GetOrder;

/// <summary>
/// Answers from the order summary. Without a minimum version it answers at once (404 until the order is
/// projected). With one it waits for the summary to reach it: a summary that is still behind when the wait
/// runs out is <see cref="ErrorKind.NotYetConsistent"/>; no summary at all is 404, after the same wait, so an
/// order of another tenant cannot be told from one that does not exist.
/// </summary>
public sealed class GetOrderHandler(IReadModelStore<OrderSummary> summaries, ReadModelWaiter<OrderSummary> waiter)
    : IQueryHandler<GetOrder, Result<OrderDetails>>
{
    public async ValueTask<Result<OrderDetails>> Handle(GetOrder query, CancellationToken cancellationToken)
    {
        var id = OrderSummaryProjection.Key(query.OrderId);
        var summary = query.MinVersion is { } minVersion
            ? await waiter.GetWhenAsync(id, s => s.Version >= minVersion, cancellationToken)
            : await summaries.GetAsync(id, cancellationToken);

        if (summary is null)
        {
            return Error.NotFound("order", query.OrderId.ToString());
        }

        if (query.MinVersion is { } wanted && summary.Version < wanted)
        {
            return Error.NotYetConsistent("order", query.OrderId.ToString(), wanted);
        }

        return OrderDetails.From(summary);
    }
}
