using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Runs a list request against a read model store. The store owns its connection and scopes every query to the
/// current tenant and serving generation; the module adds its own tenant constraint on top (defence in depth),
/// then the user's filter, order and page. The store's own async operators execute both queries, so a handler
/// never knows whether EF Core, MongoDB or memory answers.
/// </summary>
public static class ReadModelStoreListing
{
    /// <exception cref="FilterException">Any invalid filter, sort, paging or cursor input, before the store is touched.</exception>
    public static async Task<PagedResult<T>> ListPageAsync<T>(
        this IReadModelStore<T> store,
        ListQuery query,
        FieldMap<T> map,
        ListConstraints<T> constraints,
        CancellationToken cancellationToken = default)
        where T : class, IReadModel
    {
        ArgumentNullException.ThrowIfNull(store);

        // Validates everything up front; the store's queries below reuse the map's cached predicate.
        var plan = Enumerable.Empty<T>().AsQueryable().ToListPlan(query, map, constraints);
        var total = await store.CountAsync(q => q.ToListPlan(query, map, constraints).Filtered, cancellationToken);
        var rows = await store.ListAsync(q => q.ToListPlan(query, map, constraints).PageQuery, cancellationToken);
        return plan.ToResult(total, rows);
    }
}
