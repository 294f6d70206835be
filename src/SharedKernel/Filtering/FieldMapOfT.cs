using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// The whitelist of one read model, and the compiled-filter cache that goes with it. Build one per read model
/// and keep it in a static field: the cache is per instance, keyed by the filter text.
/// </summary>
public sealed class FieldMap<T>
{
    private const int CacheCapacity = 1024;

    private readonly Dictionary<string, FieldDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Expression<Func<T, bool>>> _cache = new(StringComparer.Ordinal);

    internal FieldMap(
        IReadOnlyList<FieldDefinition> fields,
        LambdaExpression key,
        Expression<Func<T, string>>? tenant,
        IReadOnlyList<SortField> defaultSort,
        FilterLimits limits)
    {
        Fields = fields;
        KeySelector = key;
        KeyField = new DeclaredField("$key", key, key.ReturnType, [], Sortable: true, null, null)
            .ToDefinition("$key", key, null, sameElementInGroups: false);
        TenantSelector = tenant;
        Limits = limits;
        foreach (var field in fields)
        {
            foreach (var name in field.Aliases.Prepend(field.Name))
            {
                if (!name.All(FieldName.IsPart) || !_byName.TryAdd(name, field))
                {
                    throw new ArgumentException($"Field name '{name}' of {typeof(T).Name} is invalid or declared twice.");
                }
            }
        }

        foreach (var sort in defaultSort)
        {
            ResolveSortable(sort);
        }

        DefaultSort = defaultSort;
    }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FilterLimits Limits { get; }

    /// <summary>Number of filters currently cached (for tests and diagnostics).</summary>
    public int CachedFilterCount => _cache.Count;

    internal LambdaExpression KeySelector { get; }

    /// <summary>The key as a field, so ordering and cursors treat it like any sort field.</summary>
    internal FieldDefinition KeyField { get; }

    internal Expression<Func<T, string>>? TenantSelector { get; }

    internal IReadOnlyList<SortField> DefaultSort { get; }

    /// <summary>The field named <paramref name="name"/> (or an alias of it), case-insensitively.</summary>
    /// <exception cref="FilterException"><c>unknown_field</c>.</exception>
    public FieldDefinition Resolve(string name, int? position = null) =>
        _byName.TryGetValue(name, out var field)
            ? field
            : throw new FilterException(
                FilterErrorCodes.UnknownField,
                $"'{name}' is not a filterable field. Allowed: {string.Join(", ", Fields.Select(f => f.Name))}.",
                name, position);

    /// <summary>
    /// The predicate of <paramref name="filter"/> (null when empty), parsed and translated once per distinct
    /// text: a repeated filter costs a dictionary lookup. Values are held in closures, so EF Core sends them
    /// as parameters.
    /// </summary>
    /// <exception cref="FilterException">The filter is invalid for this map.</exception>
    public Expression<Func<T, bool>>? ToPredicate(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var key = filter.Trim();
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var ast = FilterParser.Parse(key, Limits)!;
        var predicate = FilterTranslator.Translate(ast, this);
        if (_cache.Count >= CacheCapacity)
        {
            // Bounded so that a stream of distinct filters cannot grow memory without limit.
            _cache.Clear();
        }

        _cache[key] = predicate;
        return predicate;
    }

    /// <summary>A one-paragraph description of the fields and operators, for OpenAPI parameter docs.</summary>
    public string Describe()
    {
        var fields = Fields.Select(f =>
            $"{f.Name}{(f.Aliases.Count > 0 ? " (alias " + string.Join(", ", f.Aliases) + ")" : "")}: " +
            string.Join(" ", f.Operators.Order().Select(o => o.Symbol())));
        var sortable = Fields.Where(f => f.Sortable).Select(f => f.Name);
        return "Filterable fields: " + string.Join("; ", fields) + ". Sortable: " + string.Join(", ", sortable) + ".";
    }

    internal FieldDefinition ResolveSortable(SortField sort)
    {
        if (!_byName.TryGetValue(sort.Field, out var field))
        {
            throw new FilterException(
                FilterErrorCodes.UnknownSortField, $"'{sort.Field}' is not a known field.", sort.Field, sort.Position);
        }

        return field.Sortable
            ? field
            : throw new FilterException(
                FilterErrorCodes.SortNotAllowed, $"'{sort.Field}' cannot be sorted on.", sort.Field, sort.Position);
    }
}
