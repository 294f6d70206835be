using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>A field as declared on a builder, before the map resolves its kind and operators.</summary>
internal sealed record DeclaredField(
    string Name,
    LambdaExpression Selector,
    Type ValueType,
    IReadOnlyList<string> Aliases,
    bool Sortable,
    FilterOperator[]? Operators,
    Func<string, object?>? Converter)
{
    public FieldDefinition ToDefinition(
        string name, LambdaExpression selector, LambdaExpression? elementSelector, bool sameElementInGroups)
    {
        var kind = FieldOperators.KindOf(ValueType, Converter is not null);
        var nullable = !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;
        var defaults = FieldOperators.DefaultFor(kind, nullable);
        var operators = Operators is null ? defaults : Operators.Where(defaults.Contains).ToHashSet();
        return new FieldDefinition(
            name, Aliases, selector, elementSelector, ValueType, kind, operators,
            Sortable && elementSelector is null, Converter, sameElementInGroups);
    }
}
