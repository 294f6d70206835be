using System.Globalization;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Turns the text of a value into the field's type, culture-invariantly. A value that does not convert, or that
/// the type cannot hold (a number past its range, a day past the last representable one, a non-finite float), is
/// an <c>invalid_value</c> error at the value's position: never a silent empty result, never an exception that
/// reaches the store or the caller as a 500.
/// </summary>
internal static class FilterValueConverter
{
    private const string IsoDate = "yyyy-MM-dd";

    /// <summary>The value as the field's non-nullable type.</summary>
    public static object Convert(FieldDefinition field, FilterLiteral literal)
    {
        var text = literal.Text;
        object? value;
        try
        {
            value = field.Converter is not null ? field.Converter(text) : ConvertBuiltIn(field, text);
        }
        catch (FilterException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A custom converter may throw anything; whatever it throws, the value is what is wrong.
            throw Invalid(field, literal, e.Message);
        }

        return value switch
        {
            null => throw Invalid(field, literal, "the converter returned no value"),
            double d when !double.IsFinite(d) => throw Invalid(field, literal, "the number is outside the range of the field"),
            float f when !float.IsFinite(f) => throw Invalid(field, literal, "the number is outside the range of the field"),
            _ when !field.UnderlyingType.IsInstanceOfType(value) =>
                throw Invalid(field, literal, $"the converter returned a {value.GetType().Name}, not a {field.UnderlyingType.Name}"),
            _ => value,
        };
    }

    /// <summary>True when a date-time field is compared with a bare date, which then means the whole UTC day.</summary>
    public static bool IsDateOnly(FieldDefinition field, string text) =>
        field.Kind is FieldKind.DateTime or FieldKind.DateTimeOffset
        && text.Length == IsoDate.Length
        && DateOnly.TryParseExact(text, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// The first instant of the UTC day <paramref name="day"/> (plus <paramref name="addDays"/>), as the field's type.
    /// A day bound past the last representable instant (<c>&gt; 9999-12-31</c> starts on a day that does not exist)
    /// is an <c>invalid_value</c>.
    /// </summary>
    public static object StartOfDay(FieldDefinition field, FilterLiteral day, int addDays = 0)
    {
        var date = DateOnly.ParseExact(day.Text, IsoDate, CultureInfo.InvariantCulture);
        if (addDays > 0 && date > DateOnly.MaxValue.AddDays(-addDays))
        {
            throw Invalid(field, day, $"the day after {day.Text} is past the last date a {field.UnderlyingType.Name} can hold");
        }

        var start = date.AddDays(addDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return field.Kind == FieldKind.DateTimeOffset ? new DateTimeOffset(start) : (object)start;
    }

    private static object ConvertBuiltIn(FieldDefinition field, string text)
    {
        var type = field.UnderlyingType;
        var invariant = CultureInfo.InvariantCulture;
        return field.Kind switch
        {
            FieldKind.Text => text,
            FieldKind.Number => ConvertNumber(type, text),
            FieldKind.Boolean => bool.TryParse(text, out var b) ? b : throw new FormatException("expected true or false"),
            FieldKind.Guid => Guid.TryParse(text, out var g) ? g : throw new FormatException("expected a GUID"),
            FieldKind.Enum => ConvertEnum(type, text),
            FieldKind.DateTime => ParseIsoInstant(text).UtcDateTime,
            FieldKind.DateTimeOffset => ParseIsoInstant(text).ToUniversalTime(),
            FieldKind.DateOnly => DateOnly.ParseExact(text, IsoDate, invariant),
            _ => throw new FormatException($"fields of type {type.Name} need a converter"),
        };
    }

    private static object ConvertNumber(Type type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        const NumberStyles real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte => byte.Parse(text, integer, invariant),
            TypeCode.Int16 => short.Parse(text, integer, invariant),
            TypeCode.Int32 => int.Parse(text, integer, invariant),
            TypeCode.Int64 => long.Parse(text, integer, invariant),
            TypeCode.Decimal => decimal.Parse(text, real, invariant),
            TypeCode.Double => double.Parse(text, real | NumberStyles.AllowExponent, invariant),
            TypeCode.Single => float.Parse(text, real | NumberStyles.AllowExponent, invariant),
            _ => throw new FormatException($"unsupported number type {type.Name}"),
        };
    }

    /// <summary>By name only, case-insensitively: numbers and flag combinations are rejected.</summary>
    private static object ConvertEnum(Type type, string text)
    {
        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse(type, name)
            : throw new FormatException($"expected one of {string.Join(", ", Enum.GetNames(type))}");
    }

    /// <summary>ISO 8601 only (<c>2024-05-01</c>, <c>2024-05-01T10:00:00Z</c>); no offset means UTC.</summary>
    private static DateTimeOffset ParseIsoInstant(string text)
    {
        if (text.Length < IsoDate.Length
            || !DateOnly.TryParseExact(text[..IsoDate.Length], IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var instant))
        {
            throw new FormatException("expected an ISO 8601 date or date-time");
        }

        return instant;
    }

    private static FilterException Invalid(FieldDefinition field, FilterLiteral literal, string reason) =>
        new(FilterErrorCodes.InvalidValue, $"'{literal.Text}' is not a valid value for '{field.Name}': {reason}.",
            field.Name, literal.Position);
}
