using FastEndpoints;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Shared.Http;

/// <summary>
/// The OpenAPI text of a list endpoint's parameters, generated from the read model's field map. One style is
/// documented (<c>sort</c>, <c>pageSize</c> + <c>cursor</c>); the other accepted spellings are described as aliases.
/// </summary>
public static class ListEndpointDocs
{
    public static void Describe<T>(EndpointSummary summary, FieldMap<T> map, string what)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(map);
        summary.Summary = $"Lists {what}.";
        summary.Description =
            "Filter with `filter` (`status=Confirmed,total>=100`, or the colon form `status:eq:Confirmed`), sort with " +
            "`sort` (`-total,placedAt`: `-` for descending), and page with `pageSize` (1 to 100, default 20) and " +
            "`cursor`: send the previous answer's `nextCursor` until it is null. The answer is " +
            "`{ items, page, pageSize, totalCount, nextCursor }`. Also accepted, for existing clients: `orderBy` " +
            "(`total desc, placedAt`) instead of `sort`, `limit` instead of `pageSize`, and numbered windows with " +
            "`page` or `offset` instead of `cursor`. Bad input is a 400 problem whose `type` names the error; a " +
            "`pageSize` over the maximum is refused, not clamped. See docs/filtering.md.\n\n" + map.Describe();
        summary.Params["filter"] = "Filter expression over the fields listed in the description; `,` AND, `|` OR, `( )` groups.";
        summary.Params["sort"] = "Sort fields, comma-separated, `-` for descending, e.g. `-total,placedAt`; without it the default order in the description applies.";
        summary.Params["pageSize"] = "Rows per page, 1 to 100 (default 20); more is a 400 (`page_size_too_large`).";
        summary.Params["cursor"] = "The `nextCursor` of the previous answer; omit it for the first page.";
        summary.Params["orderBy"] = "Alias of `sort` in words, e.g. `total desc, placedAt` (not with `sort`).";
        summary.Params["page"] = "Alias paging: the 1-based page number, with `pageSize`, instead of `cursor`.";
        summary.Params["limit"] = "Alias of `pageSize`, 1 to 100 (not with `pageSize`).";
        summary.Params["offset"] = "Alias paging: rows to skip, with `limit`, instead of `cursor`.";
    }
}
