namespace Reference.SharedKernel.Filtering;

/// <summary>
/// A parenthesized sub-expression. Kept in the AST because a group of clauses on one collection can be
/// matched against a single element when the field map opts in.
/// </summary>
public sealed record GroupNode(FilterNode Inner) : FilterNode
{
    public override string ToString() => Inner.ToString();
}
