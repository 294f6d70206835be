namespace Reference.SharedKernel.Filtering;

/// <summary>
/// One page of a list: <c>{ items, page, pageSize, totalCount, nextCursor }</c>. <see cref="Page"/> is null in
/// cursor mode; <see cref="NextCursor"/> is set when more rows follow and the order allows keyset paging.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int? Page, int PageSize, int TotalCount, string? NextCursor = null)
{
    public PagedResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        new(Items.Select(map).ToList(), Page, PageSize, TotalCount, NextCursor);
}
