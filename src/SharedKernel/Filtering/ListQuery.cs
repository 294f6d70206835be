using System.Globalization;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// What a list endpoint accepts: <c>filter</c>, <c>orderBy</c> or <c>sort</c>, and <c>page</c>+<c>pageSize</c>,
/// <c>limit</c>+<c>offset</c> or <c>cursor</c>(+<c>pageSize</c>/<c>limit</c>).
/// </summary>
public sealed record ListQuery(
    string? Filter = null,
    string? OrderBy = null,
    string? Sort = null,
    int? Page = null,
    int? PageSize = null,
    int? Limit = null,
    int? Offset = null,
    string? Cursor = null)
{
    /// <summary>The query-string parameter names, for binding and OpenAPI.</summary>
    public static readonly IReadOnlyList<string> ParameterNames =
        ["filter", "orderBy", "sort", "page", "pageSize", "limit", "offset", "cursor"];

    /// <summary>
    /// Binds from any query-string source: <c>ListQuery.Bind(name =&gt; httpContext.Request.Query[name])</c>.
    /// Empty values count as absent. A non-integer number is an <c>invalid_paging</c> error.
    /// </summary>
    public static ListQuery Bind(Func<string, string?> parameter) => new(
        Text(parameter("filter")),
        Text(parameter("orderBy")),
        Text(parameter("sort")),
        Number(parameter, "page"),
        Number(parameter, "pageSize"),
        Number(parameter, "limit"),
        Number(parameter, "offset"),
        Text(parameter("cursor")));

    /// <summary>
    /// Binds from a raw query string (<c>?filter=status%3Dpaid&amp;page=2</c>). Parameter names are
    /// case-insensitive; a repeated parameter is a <c>duplicate_parameter</c> error rather than a guess.
    /// </summary>
    public static ListQuery Parse(string? queryString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
            if (!values.TryAdd(name, value) && ParameterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new FilterException(
                    FilterErrorCodes.DuplicateParameter, $"'{name}' is given more than once.", name);
            }
        }

        return Bind(name => values.GetValueOrDefault(name));
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? Number(Func<string, string?> parameter, string name)
    {
        var value = parameter(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FilterException(FilterErrorCodes.InvalidPaging, $"'{name}' must be an integer.", name);
    }
}
