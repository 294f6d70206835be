namespace Reference.SharedKernel.Filtering;

/// <summary>
/// A list request composed onto a source query: <see cref="Filtered"/> (tenant, authorization and user filter;
/// what <c>totalCount</c> counts) and <see cref="PageQuery"/> (ordered with the id tie-breaker, windowed).
/// Run it with <see cref="ExecuteAsync"/>, or run the two queries yourself.
/// </summary>
public sealed class ListPlan<T>
{
    private readonly IReadOnlyList<OrderKey> _order;

    internal ListPlan(IQueryable<T> filtered, IQueryable<T> pageQuery, PageRequest paging, IReadOnlyList<OrderKey> order)
    {
        Filtered = filtered;
        PageQuery = pageQuery;
        Paging = paging;
        _order = order;
    }

    public IQueryable<T> Filtered { get; }

    /// <summary>The page, fetching one row more than the page size so the next cursor knows whether more follow.</summary>
    public IQueryable<T> PageQuery { get; }

    public PageRequest Paging { get; }

    public async Task<PagedResult<T>> ExecuteAsync(IQueryExecutor executor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var total = await executor.CountAsync(Filtered, cancellationToken);
        var rows = await executor.ToListAsync(PageQuery, cancellationToken);
        return ToResult(total, rows);
    }

    /// <summary>
    /// Assembles the page from what <see cref="Filtered"/> counted and <see cref="PageQuery"/> returned, for
    /// callers that run the two queries themselves (a store that owns its connection, for instance).
    /// </summary>
    public PagedResult<T> ToResult(int total, IReadOnlyList<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var more = rows.Count > Paging.PageSize;
        var items = more ? rows.Take(Paging.PageSize).ToList() : rows;
        var next = more && KeysetCursor.Supports(_order) ? KeysetCursor.Encode(_order, items[^1]) : null;
        return new PagedResult<T>(items, Paging.Page, Paging.PageSize, total, next);
    }
}
