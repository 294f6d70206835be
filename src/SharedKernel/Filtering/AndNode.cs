namespace Reference.SharedKernel.Filtering;

/// <summary>All operands must hold (<c>,</c>).</summary>
public sealed record AndNode(IReadOnlyList<FilterNode> Operands) : FilterNode
{
    public override string ToString() => "(" + string.Join(", ", Operands) + ")";
}
