namespace Reference.SharedKernel.Filtering;

/// <summary>At least one operand must hold (<c>|</c>).</summary>
public sealed record OrNode(IReadOnlyList<FilterNode> Operands) : FilterNode
{
    public override string ToString() => "(" + string.Join(" | ", Operands) + ")";
}
