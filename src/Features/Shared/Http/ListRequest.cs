using FastEndpoints;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Shared.Http;

/// <summary>
/// The query parameters of every list endpoint, declared so OpenAPI shows them under their wire names: the
/// documented style first (<c>filter</c>, <c>sort</c>, <c>pageSize</c>, <c>cursor</c>), then the spellings kept as
/// aliases for existing clients (<c>orderBy</c>, <c>page</c>, <c>limit</c>, <c>offset</c>; see docs/filtering.md).
/// They are bound as text and read through <see cref="ToListQuery"/>, which parses the raw query string: a repeated
/// parameter or a non-integer page becomes a typed <see cref="FilterException"/> instead of a silent pick.
/// </summary>
public sealed class ListRequest
{
    [QueryParam]
    [BindFrom("filter")]
    public string? Filter { get; set; }

    [QueryParam]
    [BindFrom("sort")]
    public string? Sort { get; set; }

    [QueryParam]
    [BindFrom("pageSize")]
    public string? PageSize { get; set; }

    [QueryParam]
    [BindFrom("cursor")]
    public string? Cursor { get; set; }

    [QueryParam]
    [BindFrom("orderBy")]
    public string? OrderBy { get; set; }

    [QueryParam]
    [BindFrom("page")]
    public string? Page { get; set; }

    [QueryParam]
    [BindFrom("limit")]
    public string? Limit { get; set; }

    [QueryParam]
    [BindFrom("offset")]
    public string? Offset { get; set; }

    public static ListQuery ToListQuery(IEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ListQuery.Parse(endpoint.HttpContext.Request.QueryString.Value);
    }
}
