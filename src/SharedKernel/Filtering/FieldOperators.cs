namespace Reference.SharedKernel.Filtering;

/// <summary>The operators each <see cref="FieldKind"/> allows unless a field map narrows them.</summary>
public static class FieldOperators
{
    private static readonly FilterOperator[] Equality =
        [FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.In, FilterOperator.NotIn];

    private static readonly FilterOperator[] Ordering =
    [
        FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.LessThan,
        FilterOperator.LessThanOrEqual, FilterOperator.Between, FilterOperator.NotBetween,
    ];

    private static readonly FilterOperator[] Text =
    [
        FilterOperator.Contains, FilterOperator.NotContains, FilterOperator.StartsWith,
        FilterOperator.NotStartsWith, FilterOperator.EndsWith, FilterOperator.NotEndsWith,
    ];

    private static readonly FilterOperator[] NullChecks = [FilterOperator.IsNull, FilterOperator.IsNotNull];

    public static IReadOnlySet<FilterOperator> DefaultFor(FieldKind kind, bool nullable)
    {
        IEnumerable<FilterOperator> ops = kind switch
        {
            FieldKind.Text => [.. Equality, .. Ordering, .. Text],
            FieldKind.Number or FieldKind.DateTime or FieldKind.DateTimeOffset or FieldKind.DateOnly =>
                [.. Equality, .. Ordering],
            FieldKind.Boolean => [FilterOperator.Equal, FilterOperator.NotEqual],
            FieldKind.Guid or FieldKind.Enum or FieldKind.Custom => Equality,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return (nullable ? ops.Concat(NullChecks) : ops).ToHashSet();
    }

    internal static FieldKind KindOf(Type type, bool hasConverter)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return FieldKind.Text;
        }

        if (t.IsEnum)
        {
            return FieldKind.Enum;
        }

        return Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => FieldKind.Boolean,
            TypeCode.Byte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Decimal
                or TypeCode.Double or TypeCode.Single => FieldKind.Number,
            TypeCode.DateTime => FieldKind.DateTime,
            _ when t == typeof(Guid) => FieldKind.Guid,
            _ when t == typeof(DateTimeOffset) => FieldKind.DateTimeOffset,
            _ when t == typeof(DateOnly) => FieldKind.DateOnly,
            _ when hasConverter => FieldKind.Custom,
            _ => throw new ArgumentException(
                $"Fields of type {t.Name} need a converter (FieldOptions.ConvertWith).", nameof(type)),
        };
    }
}
