using FastEndpoints;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Shared.Http;

/// <summary>The OpenAPI text of a list endpoint's parameters, generated from the read model's field map.</summary>
public static class ListEndpointDocs
{
    public static void Describe<T>(EndpointSummary summary, FieldMap<T> map, string what)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(map);
        summary.Summary = $"Lists {what} (filter, sort, page).";
        summary.Description =
            "Filter with `filter=` in either syntax (`status=Confirmed,total>=100`, `status:eq:Confirmed`), sort with " +
            "`orderBy=total desc` or `sort=-total`, page with `page`/`pageSize`, `limit`/`offset` or `cursor` " +
            "(default 20, at most 100). Bad input is a 400 problem whose `type` names the error. " +
            "See docs/filtering.md.\n\n" + map.Describe();
        summary.Params["filter"] = "Filter expression over the fields listed in the description; `,` AND, `|` OR, `( )` groups.";
        summary.Params["orderBy"] = "Sort fields with optional `asc`/`desc`, e.g. `total desc, placedAt` (not with `sort`).";
        summary.Params["sort"] = "Sort fields, `-` for descending, e.g. `-total,placedAt` (not with `orderBy`).";
        summary.Params["page"] = "1-based page number (with `pageSize`).";
        summary.Params["pageSize"] = "Rows per page, 1 to 100 (default 20).";
        summary.Params["limit"] = "Rows to return, 1 to 100 (with `offset`, instead of `page`/`pageSize`).";
        summary.Params["offset"] = "Rows to skip (with `limit`).";
        summary.Params["cursor"] = "The `nextCursor` of the previous page, for keyset paging (with `pageSize` or `limit`).";
    }
}
