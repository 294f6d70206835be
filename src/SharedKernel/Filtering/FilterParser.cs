namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Parses a filter string in either syntax into one AST.
/// <para>
/// Detection rule: after leading spaces, read the first field name (letters, digits, <c>_</c>, <c>.</c>).
/// If the very next character is <c>:</c> the whole string is the colon form (<c>status:eq:active</c>);
/// otherwise it is the Gridify form (<c>status=active</c>). A Gridify field is always followed by an operator
/// symbol and never by <c>:</c>, so no string is valid in both.
/// </para>
/// </summary>
public static class FilterParser
{
    /// <summary>Every operator spelling the colon form accepts (<c>eq</c>, <c>=</c>, <c>not_in</c>, ...).</summary>
    public static IReadOnlyCollection<string> ColonOperatorAliases => ColonFilterParser.OperatorAliases;

    /// <summary>The syntax <paramref name="filter"/> is written in, by the detection rule above.</summary>
    public static FilterSyntax DetectSyntax(string filter)
    {
        var i = 0;
        while (i < filter.Length && char.IsWhiteSpace(filter[i]))
        {
            i++;
        }

        var start = i;
        while (i < filter.Length && FieldName.IsPart(filter[i]))
        {
            i++;
        }

        return i > start && i < filter.Length && filter[i] == ':' ? FilterSyntax.Colon : FilterSyntax.Gridify;
    }

    /// <summary>The AST of <paramref name="filter"/>, or null when it is empty (no filtering).</summary>
    /// <exception cref="FilterException">The input is malformed or over a limit.</exception>
    public static FilterNode? Parse(string? filter, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (filter.Length > limits.MaxFilterLength)
        {
            throw new FilterException(
                FilterErrorCodes.TooLong,
                $"The filter is {filter.Length} characters long; the maximum is {limits.MaxFilterLength}.",
                position: limits.MaxFilterLength);
        }

        return DetectSyntax(filter) == FilterSyntax.Colon
            ? new ColonFilterParser(filter, limits).Parse()
            : new GridifyFilterParser(filter, limits).Parse();
    }
}
