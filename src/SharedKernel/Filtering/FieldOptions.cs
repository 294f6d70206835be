using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>Per-field settings of a <see cref="FieldMapBuilder{T}"/>.</summary>
public sealed class FieldOptions<TValue>
{
    internal List<string> Aliases { get; } = [];

    internal bool IsSortable { get; private set; }

    internal FilterOperator[]? AllowedOperators { get; private set; }

    internal Func<string, object?>? Converter { get; private set; }

    /// <summary>Other names users may write for this field (case-insensitive).</summary>
    public FieldOptions<TValue> Alias(params string[] aliases)
    {
        Aliases.AddRange(aliases);
        return this;
    }

    /// <summary>Allows <c>orderBy</c>/<c>sort</c> on this field. Off by default: sorting needs an index.</summary>
    public FieldOptions<TValue> Sortable()
    {
        IsSortable = true;
        return this;
    }

    /// <summary>Narrows the operators from the defaults of the field's kind.</summary>
    public FieldOptions<TValue> Only(params FilterOperator[] operators)
    {
        AllowedOperators = operators;
        return this;
    }

    /// <summary>
    /// Converts the text of a value. Throw for bad input (<see cref="FormatException"/> says it best): whatever is
    /// thrown becomes an <c>invalid_value</c> error at the value's position.
    /// </summary>
    public FieldOptions<TValue> ConvertWith(Func<string, TValue> converter)
    {
        Converter = text => converter(text);
        return this;
    }

    internal DeclaredField Declare(string name, LambdaExpression selector) =>
        new(name, selector, typeof(TValue), [.. Aliases], IsSortable, AllowedOperators, Converter);
}
