using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Opaque keyset cursor: the sort values of the last row returned, plus a signature of the order they belong to.
/// The next page is "rows after these values in this order", which stays fast and stable however deep the walk.
/// Supported when every sort field is text, a number, a date or an enum, and not a nullable value type.
/// </summary>
internal static class KeysetCursor
{
    private static readonly MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static bool Supports(IReadOnlyList<OrderKey> order) =>
        order.All(k => k.Field.Kind is FieldKind.Text or FieldKind.Number or FieldKind.DateTime
            or FieldKind.DateTimeOffset or FieldKind.DateOnly or FieldKind.Enum
            && Nullable.GetUnderlyingType(k.Field.ValueType) is null);

    public static string Encode<T>(IReadOnlyList<OrderKey> order, T row)
    {
        var values = order.Select(k => Format(k.Field.Read(row!))).Prepend(Signature(order)).ToArray();
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    /// <summary>The predicate "after the cursor's row", or <c>invalid_cursor</c>.</summary>
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<OrderKey> order, string cursor)
    {
        if (!Supports(order))
        {
            throw Invalid("This sort order does not support cursor paging; use page or offset.");
        }

        string?[]? values;
        try
        {
            values = JsonSerializer.Deserialize<string?[]>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid("The cursor is not one this API issued.");
        }

        if (values is null || values.Length != order.Count + 1 || values[0] != Signature(order) || values.Any(v => v is null))
        {
            throw Invalid("The cursor belongs to another sort order or is damaged.");
        }

        var root = Expression.Parameter(typeof(T), "x");
        Expression? after = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < order.Count; i++)
        {
            var key = order[i];
            var member = ParameterReplacer.Replace(key.Selector, root);
            object value;
            try
            {
                value = FilterValueConverter.Convert(key.Field, new FilterLiteral(values[i + 1]!, 0));
            }
            catch (FilterException)
            {
                throw Invalid("The cursor holds a value that does not fit its sort field.");
            }

            var parameter = Parameter(member.Type, value);
            var beyond = Beyond(key, member, parameter);
            var step = i == 0 ? beyond : Expression.AndAlso(equalSoFar, beyond);
            after = after is null ? step : Expression.OrElse(after, step);
            var equal = Expression.Equal(member, parameter);
            equalSoFar = i == 0 ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<T, bool>>(after!, root);
    }

    private static Expression Beyond(OrderKey key, Expression member, Expression parameter)
    {
        if (key.Field.Kind == FieldKind.Text)
        {
            var compared = Expression.Call(StringCompare, member, parameter);
            return key.Descending
                ? Expression.LessThan(compared, Expression.Constant(0))
                : Expression.GreaterThan(compared, Expression.Constant(0));
        }

        if (key.Field.Kind == FieldKind.Enum)
        {
            var underlying = Enum.GetUnderlyingType(member.Type);
            member = Expression.Convert(member, underlying);
            parameter = Expression.Convert(parameter, underlying);
        }

        return key.Descending ? Expression.LessThan(member, parameter) : Expression.GreaterThan(member, parameter);
    }

    private static string Signature(IReadOnlyList<OrderKey> order) =>
        string.Join(",", order.Select(k => (k.Descending ? "-" : "") + k.Field.Name));

    private static string Format(object? value) => value switch
    {
        DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? throw Invalid("A sort value is null; cursor paging needs non-null sort values."),
    };

    private static MemberExpression Parameter(Type type, object value)
    {
        var holder = Activator.CreateInstance(typeof(FilterParameter<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(FilterParameter<object>.Value));
    }

    private static FilterException Invalid(string message) =>
        new(FilterErrorCodes.InvalidCursor, message, "cursor");
}
