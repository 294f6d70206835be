namespace Reference.SharedKernel.Filtering;

/// <summary>The comparison of one clause. Both syntaxes map onto these.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Contains,
    NotContains,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    In,
    NotIn,
    Between,
    NotBetween,
    IsNull,
    IsNotNull,
}
