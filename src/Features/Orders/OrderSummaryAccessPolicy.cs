using System.Linq.Expressions;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Identity;

namespace Reference.Features.Orders;

/// <summary>
/// Which order summaries the current principal may list: all of the tenant's with
/// <see cref="OrderPermissions.ReadAll"/>, otherwise only the orders they placed.
/// </summary>
public sealed class OrderSummaryAccessPolicy(ICurrentUser currentUser, IPermissionChecker permissions)
    : IRowAccessPolicy<OrderSummary>
{
    public async ValueTask<Expression<Func<OrderSummary, bool>>?> PredicateAsync(CancellationToken cancellationToken)
    {
        var principal = currentUser.Principal;
        if (await permissions.IsGrantedAsync(principal, OrderPermissions.ReadAll, cancellationToken))
        {
            return null;
        }

        var userId = principal.UserId;
        return summary => summary.PlacedBy == userId;
    }
}
