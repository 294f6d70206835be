using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>One resolved sort key of a list query (a whitelisted field or the map's id tie-breaker).</summary>
internal sealed record OrderKey(FieldDefinition Field, bool Descending)
{
    public LambdaExpression Selector => Field.Selector;
}
