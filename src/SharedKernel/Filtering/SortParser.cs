namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Reads <c>orderBy=total desc, createdAt</c> (Gridify) or <c>sort=-total,createdAt</c> (toolkit). Ascending by
/// default. Only one of the two may be given.
/// </summary>
public static class SortParser
{
    public static IReadOnlyList<SortField> Parse(string? orderBy, string? sort, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        var hasOrderBy = !string.IsNullOrWhiteSpace(orderBy);
        var hasSort = !string.IsNullOrWhiteSpace(sort);
        if (hasOrderBy && hasSort)
        {
            throw new FilterException(FilterErrorCodes.InvalidSort, "Use either orderBy or sort, not both.", "sort");
        }

        var fields = hasOrderBy ? ParseOrderBy(orderBy!) : hasSort ? ParseSort(sort!) : [];
        if (fields.Count > limits.MaxSortFields)
        {
            throw new FilterException(
                FilterErrorCodes.InvalidSort, $"At most {limits.MaxSortFields} sort fields are allowed.",
                hasOrderBy ? "orderBy" : "sort");
        }

        return fields;
    }

    private static List<SortField> ParseOrderBy(string orderBy) =>
        Split(orderBy).Select(item =>
        {
            var words = item.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var descending = words.Length switch
            {
                1 => false,
                2 when words[1].Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
                2 when words[1].Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw new FilterException(
                    FilterErrorCodes.InvalidSort, $"'{item.Text}' is not 'field', 'field asc' or 'field desc'.",
                    "orderBy", item.Position),
            };
            return new SortField(ValidName(words[0], "orderBy", item.Position), descending, item.Position);
        }).ToList();

    private static List<SortField> ParseSort(string sort) =>
        Split(sort).Select(item =>
        {
            var descending = item.Text.StartsWith('-');
            var name = item.Text.TrimStart('-', '+').Trim();
            return new SortField(ValidName(name, "sort", item.Position), descending, item.Position);
        }).ToList();

    private static string ValidName(string name, string parameter, int position) =>
        name.Length > 0 && FieldName.IsStart(name[0]) && name.All(FieldName.IsPart)
            ? name
            : throw new FilterException(
                FilterErrorCodes.InvalidSort, $"'{name}' is not a field name.", parameter, position);

    private static IEnumerable<(string Text, int Position)> Split(string value)
    {
        var position = 0;
        foreach (var part in value.Split(','))
        {
            var text = part.Trim();
            if (text.Length == 0)
            {
                throw new FilterException(FilterErrorCodes.InvalidSort, "A sort field is empty.", position: position);
            }

            yield return (text, position + part.IndexOf(text, StringComparison.Ordinal));
            position += part.Length + 1;
        }
    }
}
