using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// One whitelisted field of a <see cref="FieldMap{T}"/>: the name users write, how to reach the value,
/// which operators apply and whether it sorts. A collection field (<see cref="IsCollection"/>) matches when
/// any element matches.
/// </summary>
public sealed class FieldDefinition
{
    private Delegate? _reader;

    internal FieldDefinition(
        string name,
        IReadOnlyList<string> aliases,
        LambdaExpression selector,
        LambdaExpression? elementSelector,
        Type valueType,
        FieldKind kind,
        IReadOnlySet<FilterOperator> operators,
        bool sortable,
        Func<string, object?>? converter,
        bool sameElementInGroups)
    {
        Name = name;
        Aliases = aliases;
        Selector = selector;
        ElementSelector = elementSelector;
        ValueType = valueType;
        Kind = kind;
        Operators = operators;
        Sortable = sortable;
        Converter = converter;
        SameElementInGroups = sameElementInGroups;
    }

    /// <summary>The canonical name, e.g. <c>customer.name</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The declared type of the value, nullable wrapper included.</summary>
    public Type ValueType { get; }

    public FieldKind Kind { get; }

    public IReadOnlySet<FilterOperator> Operators { get; }

    public bool Sortable { get; }

    public bool IsCollection => ElementSelector is not null;

    public bool IsNullable => !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;

    /// <summary>The non-nullable type values convert to.</summary>
    public Type UnderlyingType => Nullable.GetUnderlyingType(ValueType) ?? ValueType;

    /// <summary>Root → value for scalar fields; root → collection for collection fields.</summary>
    internal LambdaExpression Selector { get; }

    /// <summary>Element → value for collection fields, null otherwise.</summary>
    internal LambdaExpression? ElementSelector { get; }

    internal Func<string, object?>? Converter { get; }

    internal bool SameElementInGroups { get; }

    /// <summary>Reads the value from a materialized row (scalar fields), compiling the selector once.</summary>
    internal object? Read(object row) => (_reader ??= Selector.Compile()).DynamicInvoke(row);
}
