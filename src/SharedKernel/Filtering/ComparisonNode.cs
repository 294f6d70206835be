namespace Reference.SharedKernel.Filtering;

/// <summary>
/// One clause: <paramref name="Field"/> as the user wrote it, the operator, its values (none for the null checks,
/// two for between, any number for in) and whether text comparisons ignore case (<c>/i</c>, <c>icontains</c>).
/// </summary>
public sealed record ComparisonNode(
    string Field,
    FilterOperator Operator,
    IReadOnlyList<FilterLiteral> Values,
    bool IgnoreCase,
    int Position) : FilterNode
{
    public FilterLiteral Value => Values[0];

    public override string ToString()
    {
        var values = Values.Count switch
        {
            0 => "",
            1 when Operator is not (FilterOperator.In or FilterOperator.NotIn) => Values[0].Text,
            _ => "[" + string.Join(";", Values) + "]",
        };
        return Field + " " + Operator.Symbol() + " " + values + (IgnoreCase ? "/i" : "");
    }
}
