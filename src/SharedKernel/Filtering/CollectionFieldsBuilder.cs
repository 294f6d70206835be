using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>Declares the filterable members of the elements of one collection.</summary>
public sealed class CollectionFieldsBuilder<TElement>
{
    internal List<DeclaredField> Fields { get; } = [];

    internal bool SameElementInGroups { get; private set; }

    public CollectionFieldsBuilder<TElement> Field<TValue>(
        string name, Expression<Func<TElement, TValue>> selector, Action<FieldOptions<TValue>>? configure = null)
    {
        var options = new FieldOptions<TValue>();
        configure?.Invoke(options);
        Fields.Add(options.Declare(name, selector));
        return this;
    }

    /// <summary>
    /// Opt-in: clauses on this collection AND-ed inside one pair of parentheses must hold for the same element,
    /// so <c>(lines.sku=X,lines.qty&gt;2)</c> means "a line with sku X and qty over 2". Without it, each clause
    /// is matched by any element on its own.
    /// </summary>
    public CollectionFieldsBuilder<TElement> MatchSameElementInGroups()
    {
        SameElementInGroups = true;
        return this;
    }
}
