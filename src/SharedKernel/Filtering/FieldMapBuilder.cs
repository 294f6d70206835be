using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Declares what users may filter and sort on for one read model. Anything not declared is an
/// <c>unknown_field</c> error, never ignored.
/// </summary>
public sealed class FieldMapBuilder<T>
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly List<SortField> _defaultSort = [];
    private LambdaExpression? _key;
    private Expression<Func<T, string>>? _tenant;
    private FilterLimits _limits = FilterLimits.Default;

    /// <summary>The unique id: the final sort tie-breaker that makes paging stable.</summary>
    public FieldMapBuilder<T> Key<TKey>(Expression<Func<T, TKey>> key)
    {
        _key = key;
        return this;
    }

    /// <summary>The tenant column the module constrains. Never filterable by users unless also declared.</summary>
    public FieldMapBuilder<T> Tenant(Expression<Func<T, string>> tenant)
    {
        _tenant = tenant;
        return this;
    }

    /// <summary>A scalar field, possibly nested (<c>o =&gt; o.Customer.Name</c>).</summary>
    public FieldMapBuilder<T> Field<TValue>(
        string name, Expression<Func<T, TValue>> selector, Action<FieldOptions<TValue>>? configure = null)
    {
        var options = new FieldOptions<TValue>();
        configure?.Invoke(options);
        _fields.Add(options.Declare(name, selector).ToDefinition(name, selector, null, sameElementInGroups: false));
        return this;
    }

    /// <summary>
    /// Members of a collection's elements, each named <c>collection.member</c> (<c>lines.sku</c>); a clause matches
    /// a row when any element matches.
    /// </summary>
    public FieldMapBuilder<T> Collection<TElement>(
        string name, Expression<Func<T, IEnumerable<TElement>>> items, Action<CollectionFieldsBuilder<TElement>> fields)
    {
        var builder = new CollectionFieldsBuilder<TElement>();
        fields(builder);
        foreach (var field in builder.Fields)
        {
            _fields.Add(field.ToDefinition(
                $"{name}.{field.Name}", items, field.Selector, builder.SameElementInGroups));
        }

        return this;
    }

    /// <summary>A collection of plain values (<c>tags=urgent</c>: any tag equals "urgent").</summary>
    public FieldMapBuilder<T> Values<TElement>(
        string name, Expression<Func<T, IEnumerable<TElement>>> items, Action<FieldOptions<TElement>>? configure = null)
    {
        var options = new FieldOptions<TElement>();
        configure?.Invoke(options);
        Expression<Func<TElement, TElement>> identity = value => value;
        _fields.Add(options.Declare(name, identity).ToDefinition(name, items, identity, sameElementInGroups: false));
        return this;
    }

    /// <summary>The order used when a request names none; the key is appended in any case.</summary>
    public FieldMapBuilder<T> DefaultSort(string field, bool descending = false)
    {
        _defaultSort.Add(new SortField(field, descending, 0));
        return this;
    }

    /// <summary>Overrides the length, clause and page-size limits for this read model.</summary>
    public FieldMapBuilder<T> Limits(FilterLimits limits)
    {
        _limits = limits;
        return this;
    }

    public FieldMap<T> Build()
    {
        if (_key is null)
        {
            throw new InvalidOperationException($"The field map of {typeof(T).Name} needs a Key(...) for stable paging.");
        }

        return new FieldMap<T>(_fields, _key, _tenant, _defaultSort, _limits);
    }
}
