using FastEndpoints;
using Reference.SharedKernel.Filtering;

namespace Reference.Features.Shared.Http;

/// <summary>
/// The query parameters of every list endpoint, declared so OpenAPI shows them. They are bound as text and read
/// through <see cref="ToListQuery"/>, which parses the raw query string: a repeated parameter or a non-integer page
/// becomes a typed <see cref="FilterException"/> instead of a silent pick.
/// </summary>
public sealed class ListRequest
{
    [QueryParam]
    public string? Filter { get; set; }

    [QueryParam]
    public string? OrderBy { get; set; }

    [QueryParam]
    public string? Sort { get; set; }

    [QueryParam]
    public string? Page { get; set; }

    [QueryParam]
    public string? PageSize { get; set; }

    [QueryParam]
    public string? Limit { get; set; }

    [QueryParam]
    public string? Offset { get; set; }

    [QueryParam]
    public string? Cursor { get; set; }

    public static ListQuery ToListQuery(IEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ListQuery.Parse(endpoint.HttpContext.Request.QueryString.Value);
    }
}
