namespace Reference.SharedKernel.Filtering;

/// <summary>
/// The validated window of a list request. <see cref="Page"/> is null in cursor mode, where
/// <see cref="Cursor"/> carries the position instead of <see cref="Skip"/>.
/// </summary>
public sealed record PageRequest(int? Page, int PageSize, int Skip, string? Cursor)
{
    /// <exception cref="FilterException"><c>invalid_paging</c> or <c>page_size_too_large</c>.</exception>
    public static PageRequest From(ListQuery query, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        var pageStyle = query.Page is not null || query.PageSize is not null;
        var offsetStyle = query.Limit is not null || query.Offset is not null;
        if (query.PageSize is not null && query.Limit is not null)
        {
            throw Invalid("Use pageSize or limit, not both.", "limit");
        }

        if (query.Cursor is not null && (query.Page is not null || query.Offset is not null))
        {
            throw Invalid("A cursor replaces page and offset; send only pageSize or limit with it.", "cursor");
        }

        if (query.Page is not null && query.Offset is not null)
        {
            throw Invalid("Use page/pageSize or limit/offset, not both.", "offset");
        }

        var sizeName = query.Limit is not null ? "limit" : "pageSize";
        var size = query.Limit ?? query.PageSize ?? limits.DefaultPageSize;
        if (size < 1)
        {
            throw Invalid($"'{sizeName}' must be at least 1.", sizeName);
        }

        if (size > limits.MaxPageSize)
        {
            throw new FilterException(
                FilterErrorCodes.PageSizeTooLarge, $"'{sizeName}' is {size}; the maximum is {limits.MaxPageSize}.",
                sizeName);
        }

        if (query.Cursor is not null)
        {
            return new PageRequest(null, size, 0, query.Cursor);
        }

        if (offsetStyle && !pageStyle || query.Offset is not null)
        {
            var offset = query.Offset ?? 0;
            return offset < 0
                ? throw Invalid("'offset' must not be negative.", "offset")
                : new PageRequest(offset / size + 1, size, offset, null);
        }

        var page = query.Page ?? 1;
        if (page < 1)
        {
            throw Invalid("'page' starts at 1.", "page");
        }

        return (long)(page - 1) * size > int.MaxValue
            ? throw Invalid("'page' is out of range.", "page")
            : new PageRequest(page, size, (page - 1) * size, null);
    }

    private static FilterException Invalid(string message, string parameter) =>
        new(FilterErrorCodes.InvalidPaging, message, parameter);
}
