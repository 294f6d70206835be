namespace Reference.SharedKernel.Filtering;

/// <summary>
/// The stable codes a <see cref="FilterException"/> carries, and the problem-details <c>type</c> URI of each.
/// Clients switch on these codes, so they never change meaning once published.
/// </summary>
public static class FilterErrorCodes
{
    public const string UnknownField = "unknown_field";
    public const string OperatorNotAllowed = "operator_not_allowed";
    public const string InvalidValue = "invalid_value";
    public const string UnbalancedParentheses = "unbalanced_parentheses";
    public const string DanglingOperator = "dangling_operator";
    public const string SyntaxError = "syntax_error";
    public const string TooLong = "too_long";
    public const string TooManyClauses = "too_many_clauses";
    public const string TooManyValues = "too_many_values";
    public const string TooDeeplyNested = "too_deeply_nested";
    public const string PageSizeTooLarge = "page_size_too_large";
    public const string InvalidPaging = "invalid_paging";
    public const string UnknownSortField = "unknown_sort_field";
    public const string SortNotAllowed = "sort_not_allowed";
    public const string InvalidSort = "invalid_sort";
    public const string InvalidCursor = "invalid_cursor";
    public const string DuplicateParameter = "duplicate_parameter";

    /// <summary>Prefix of every problem type URI; the code is appended.</summary>
    public const string ProblemTypeBase = "https://reference.dev/problems/filter/";

    /// <summary>Code → RFC 7807 <c>type</c>. Defined once here so the HTTP layer only looks it up.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProblemTypes = new[]
    {
        UnknownField, OperatorNotAllowed, InvalidValue, UnbalancedParentheses, DanglingOperator, SyntaxError,
        TooLong, TooManyClauses, TooManyValues, TooDeeplyNested, PageSizeTooLarge, InvalidPaging,
        UnknownSortField, SortNotAllowed, InvalidSort, InvalidCursor, DuplicateParameter,
    }.ToDictionary(code => code, code => ProblemTypeBase + code.Replace('_', '-'), StringComparer.Ordinal);

    /// <summary>The problem type URI of <paramref name="code"/>.</summary>
    public static string ProblemTypeOf(string code) =>
        ProblemTypes.TryGetValue(code, out var type) ? type : ProblemTypeBase + "invalid-request";
}
