namespace Reference.SharedKernel.Filtering;

/// <summary>Symbols and negation pairs of <see cref="FilterOperator"/>.</summary>
public static class FilterOperatorExtensions
{
    /// <summary>The Gridify-style symbol, or the colon-form name for operators without one.</summary>
    public static string Symbol(this FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.GreaterThan => ">",
        FilterOperator.GreaterThanOrEqual => ">=",
        FilterOperator.LessThan => "<",
        FilterOperator.LessThanOrEqual => "<=",
        FilterOperator.Contains => "=*",
        FilterOperator.NotContains => "!*",
        FilterOperator.StartsWith => "^",
        FilterOperator.NotStartsWith => "!^",
        FilterOperator.EndsWith => "$",
        FilterOperator.NotEndsWith => "!$",
        FilterOperator.In => "in",
        FilterOperator.NotIn => "not_in",
        FilterOperator.Between => "between",
        FilterOperator.NotBetween => "not_between",
        FilterOperator.IsNull => "is_null",
        FilterOperator.IsNotNull => "is_not_null",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>True for operators that match what their positive counterpart does not.</summary>
    public static bool IsNegated(this FilterOperator op) => op is FilterOperator.NotEqual or FilterOperator.NotContains
        or FilterOperator.NotStartsWith or FilterOperator.NotEndsWith or FilterOperator.NotIn
        or FilterOperator.NotBetween or FilterOperator.IsNotNull;

    /// <summary>The positive operator a negated one negates; the operator itself otherwise.</summary>
    public static FilterOperator Positive(this FilterOperator op) => op switch
    {
        FilterOperator.NotEqual => FilterOperator.Equal,
        FilterOperator.NotContains => FilterOperator.Contains,
        FilterOperator.NotStartsWith => FilterOperator.StartsWith,
        FilterOperator.NotEndsWith => FilterOperator.EndsWith,
        FilterOperator.NotIn => FilterOperator.In,
        FilterOperator.NotBetween => FilterOperator.Between,
        FilterOperator.IsNotNull => FilterOperator.IsNull,
        _ => op,
    };
}
