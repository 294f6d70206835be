using System.Linq.Expressions;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;

namespace Reference.Features.Orders;

/// <summary>
/// Which orders the current principal may see and change: all of the tenant's with <see cref="OrderPermissions.ReadAll"/>,
/// otherwise only the orders they placed. Lists apply it as a predicate; one order by id (its read and every write
/// to it) asks <see cref="PermitsAsync(string, CancellationToken)"/> or <see cref="PermitsAsync(Guid, CancellationToken)"/>
/// and answers an order it does not permit exactly like a missing one (404), so a list and a read by id never disagree.
/// </summary>
public sealed class OrderSummaryAccessPolicy(ICurrentUser currentUser, IPermissionChecker permissions, IEventStore events)
    : IRowAccessPolicy<OrderSummary>
{
    public async ValueTask<Expression<Func<OrderSummary, bool>>?> PredicateAsync(CancellationToken cancellationToken)
    {
        if (await SeesEveryOrderAsync(cancellationToken))
        {
            return null;
        }

        var userId = currentUser.Principal.UserId;
        return summary => summary.PlacedBy == userId;
    }

    /// <summary>Whether the principal may read or change an order placed by <paramref name="placedBy"/> (the summary's <see cref="OrderSummary.PlacedBy"/>).</summary>
    public async ValueTask<bool> PermitsAsync(string placedBy, CancellationToken cancellationToken) =>
        await SeesEveryOrderAsync(cancellationToken) || string.Equals(placedBy, currentUser.Principal.UserId, StringComparison.Ordinal);

    /// <summary>
    /// Whether the principal may read or change the order, judged from its stream: who placed it is the user of its
    /// first event, the same fact the summary's <see cref="OrderSummary.PlacedBy"/> is projected from, so the answer
    /// does not depend on the read model having caught up. Costs one read of one event, and none with read-all.
    /// </summary>
    public async ValueTask<bool> PermitsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (await SeesEveryOrderAsync(cancellationToken))
        {
            return true;
        }

        // The event-sourced repository names an order's stream by the order id's text.
        await foreach (var placed in events.ReadStreamAsync(orderId.ToString(), StreamDirection.Forward, 1, 1, cancellationToken))
        {
            return string.Equals(placed.Metadata.UserId ?? "", currentUser.Principal.UserId, StringComparison.Ordinal);
        }

        return false;
    }

    private ValueTask<bool> SeesEveryOrderAsync(CancellationToken cancellationToken) =>
        permissions.IsGrantedAsync(currentUser.Principal, OrderPermissions.ReadAll, cancellationToken);
}
