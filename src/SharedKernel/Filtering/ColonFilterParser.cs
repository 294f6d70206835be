using System.Text;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Parser of the colon form <c>field:operator:value</c>, clauses joined by <c>,</c> (AND only).
/// For <c>in</c>, <c>not_in</c>, <c>between</c> and <c>not_between</c>, values are separated by <c>;</c> or by
/// <c>,</c>: a comma-separated piece that does not start with <c>field:operator</c> continues the previous clause's
/// values. <c>\</c> escapes the next character. <c>like</c>/<c>ilike</c> take <c>%</c> wildcards at either end.
/// </summary>
internal sealed class ColonFilterParser(string text, FilterLimits limits)
{
    private static readonly Dictionary<string, (FilterOperator Operator, bool IgnoreCase)> Aliases =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["eq"] = (FilterOperator.Equal, false),
            ["="] = (FilterOperator.Equal, false),
            ["ne"] = (FilterOperator.NotEqual, false),
            ["!="] = (FilterOperator.NotEqual, false),
            ["gt"] = (FilterOperator.GreaterThan, false),
            [">"] = (FilterOperator.GreaterThan, false),
            ["gte"] = (FilterOperator.GreaterThanOrEqual, false),
            [">="] = (FilterOperator.GreaterThanOrEqual, false),
            ["lt"] = (FilterOperator.LessThan, false),
            ["<"] = (FilterOperator.LessThan, false),
            ["lte"] = (FilterOperator.LessThanOrEqual, false),
            ["<="] = (FilterOperator.LessThanOrEqual, false),
            ["in"] = (FilterOperator.In, false),
            ["not_in"] = (FilterOperator.NotIn, false),
            ["contains"] = (FilterOperator.Contains, false),
            ["icontains"] = (FilterOperator.Contains, true),
            ["like"] = (FilterOperator.Equal, false),
            ["ilike"] = (FilterOperator.Equal, true),
            ["startswith"] = (FilterOperator.StartsWith, false),
            ["starts_with"] = (FilterOperator.StartsWith, false),
            ["endswith"] = (FilterOperator.EndsWith, false),
            ["ends_with"] = (FilterOperator.EndsWith, false),
            ["is_null"] = (FilterOperator.IsNull, false),
            ["is_not_null"] = (FilterOperator.IsNotNull, false),
            ["between"] = (FilterOperator.Between, false),
            ["not_between"] = (FilterOperator.NotBetween, false),
        };

    /// <summary>The operator names and symbols the colon form accepts, for documentation.</summary>
    public static IReadOnlyCollection<string> OperatorAliases => Aliases.Keys;

    public FilterNode Parse()
    {
        var clauses = new List<PendingClause>();
        foreach (var (raw, start) in SplitOnUnescapedCommas())
        {
            var trimmed = raw.Trim();
            var at = start + raw.IndexOf(trimmed, StringComparison.Ordinal);
            if (trimmed.Length == 0)
            {
                throw new FilterException(
                    FilterErrorCodes.DanglingOperator, "',' must separate two clauses.", position: Math.Max(0, start - 1));
            }

            if (TryReadHeader(trimmed, at, out var clause))
            {
                clauses.Add(clause);
                if (clauses.Count > limits.MaxClauses)
                {
                    throw new FilterException(
                        FilterErrorCodes.TooManyClauses, $"The filter has more than {limits.MaxClauses} clauses.",
                        clause.Field, at);
                }
            }
            else if (clauses.Count > 0 && clauses[^1].TakesSeveralValues)
            {
                clauses[^1].RawValues.Add((trimmed, at));
            }
            else
            {
                throw new FilterException(
                    FilterErrorCodes.SyntaxError,
                    "Expected field:operator:value; escape a ',' inside a value as '\\,'.", position: at);
            }
        }

        var nodes = clauses.Select(ToNode).ToList();
        return nodes.Count == 1 ? nodes[0] : new AndNode(nodes);
    }

    private IEnumerable<(string Raw, int Start)> SplitOnUnescapedCommas()
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                yield return (text[start..i], start);
                start = i + 1;
            }
        }

        yield return (text[start..], start);
    }

    private static bool TryReadHeader(string segment, int at, out PendingClause clause)
    {
        clause = null!;
        var firstColon = segment.IndexOf(':', StringComparison.Ordinal);
        if (firstColon <= 0 || !FieldName.IsStart(segment[0]) || !segment[..firstColon].All(FieldName.IsPart))
        {
            return false;
        }

        var secondColon = segment.IndexOf(':', firstColon + 1);
        var opName = secondColon < 0 ? segment[(firstColon + 1)..] : segment[(firstColon + 1)..secondColon];
        if (!Aliases.TryGetValue(opName.Trim(), out var op))
        {
            // "field:unknownop:..." is a clause with a bad operator, not a continuation value.
            throw new FilterException(
                FilterErrorCodes.OperatorNotAllowed, $"'{opName}' is not an operator.", segment[..firstColon],
                at + firstColon + 1);
        }

        clause = new PendingClause(segment[..firstColon], op.Operator, op.IgnoreCase,
            IsLike: opName.Trim().EndsWith("like", StringComparison.OrdinalIgnoreCase), at);
        if (secondColon >= 0)
        {
            clause.RawValues.Add((segment[(secondColon + 1)..], at + secondColon + 1));
        }

        return true;
    }

    private ComparisonNode ToNode(PendingClause clause)
    {
        var field = clause.Field;
        switch (clause.Operator)
        {
            case FilterOperator.IsNull or FilterOperator.IsNotNull:
                return NullCheck(clause);
            case FilterOperator.In or FilterOperator.NotIn or FilterOperator.Between or FilterOperator.NotBetween:
                var values = clause.RawValues
                    .SelectMany(v => SplitOnUnescaped(v.Raw, ';', v.Start))
                    .Select(v => Unescape(v.Raw.Trim(), v.Start, field))
                    .ToList();
                if (values.Count == 0 || values.Any(v => v.Text.Length == 0))
                {
                    throw new FilterException(FilterErrorCodes.InvalidValue, "A list item is empty.", field, clause.Position);
                }

                if (values.Count > limits.MaxListValues)
                {
                    throw new FilterException(
                        FilterErrorCodes.TooManyValues, $"A list holds more than {limits.MaxListValues} values.",
                        field, clause.Position);
                }

                if (clause.Operator is FilterOperator.Between or FilterOperator.NotBetween && values.Count != 2)
                {
                    throw new FilterException(
                        FilterErrorCodes.InvalidValue, "between takes exactly two values: low,high.", field,
                        clause.Position);
                }

                return new ComparisonNode(field, clause.Operator, values, false, clause.Position);
            default:
                var single = SingleRawValue(clause);
                if (clause.IsLike)
                {
                    return LikeToNode(clause, single);
                }

                var literal = Unescape(single.Raw.Trim(), single.Start, field);
                if (literal.Text == "null" && !single.Raw.Contains('\\', StringComparison.Ordinal)
                    && clause.Operator is FilterOperator.Equal or FilterOperator.NotEqual)
                {
                    var nullOp = clause.Operator == FilterOperator.Equal ? FilterOperator.IsNull : FilterOperator.IsNotNull;
                    return new ComparisonNode(field, nullOp, [], false, clause.Position);
                }

                return new ComparisonNode(field, clause.Operator, [literal], clause.IgnoreCase, clause.Position);
        }
    }

    private static ComparisonNode NullCheck(PendingClause clause)
    {
        // 'deletedAt:is_null', 'deletedAt:is_null:true' and 'deletedAt:is_null:false' are all accepted.
        var flag = clause.RawValues.Count == 0 ? "" : clause.RawValues[0].Raw.Trim();
        var negate = flag.ToUpperInvariant() switch
        {
            "" or "TRUE" => false,
            "FALSE" => true,
            _ => throw new FilterException(
                FilterErrorCodes.InvalidValue, "is_null takes no value, or true/false.", clause.Field,
                clause.RawValues[0].Start),
        };
        if (clause.RawValues.Count > 1)
        {
            throw new FilterException(
                FilterErrorCodes.InvalidValue, "is_null takes a single value.", clause.Field, clause.RawValues[1].Start);
        }

        var op = clause.Operator == FilterOperator.IsNull ^ negate ? FilterOperator.IsNull : FilterOperator.IsNotNull;
        return new ComparisonNode(clause.Field, op, [], false, clause.Position);
    }

    // Only list operators collect continuation pieces, so a single-value clause has at most one.
    private static (string Raw, int Start) SingleRawValue(PendingClause clause) => clause.RawValues.Count > 0
        ? clause.RawValues[0]
        : throw new FilterException(
            FilterErrorCodes.DanglingOperator, $"'{clause.Field}:{clause.Operator.Symbol()}' needs a value.",
            clause.Field, clause.Position);

    /// <summary>
    /// <c>like</c> supports <c>%</c> at the start, the end or both (ends with, starts with, contains);
    /// no wildcard means equality. A <c>%</c> elsewhere must be escaped.
    /// </summary>
    private static ComparisonNode LikeToNode(PendingClause clause, (string Raw, int Start) value)
    {
        var raw = value.Raw.Trim();
        var leading = raw.StartsWith('%');
        var body = leading ? raw[1..] : raw;
        var trailing = body.EndsWith('%') && !IsEscapedAt(body, body.Length - 1);
        if (trailing)
        {
            body = body[..^1];
        }

        var literal = Unescape(body, value.Start + (leading ? 1 : 0), clause.Field, rejectUnescapedPercent: true);
        var op = (leading, trailing) switch
        {
            (true, true) => FilterOperator.Contains,
            (true, false) => FilterOperator.EndsWith,
            (false, true) => FilterOperator.StartsWith,
            _ => FilterOperator.Equal,
        };
        return new ComparisonNode(clause.Field, op, [literal], clause.IgnoreCase, clause.Position);
    }

    private static bool IsEscapedAt(string s, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && s[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static IEnumerable<(string Raw, int Start)> SplitOnUnescaped(string raw, char separator, int offset)
    {
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                i++;
            }
            else if (raw[i] == separator)
            {
                yield return (raw[start..i], offset + start);
                start = i + 1;
            }
        }

        yield return (raw[start..], offset + start);
    }

    private static FilterLiteral Unescape(string raw, int start, string field, bool rejectUnescapedPercent = false)
    {
        var value = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                if (i + 1 >= raw.Length)
                {
                    throw new FilterException(
                        FilterErrorCodes.InvalidValue, "'\\' at the end of a value escapes nothing.", field, start + i);
                }

                value.Append(raw[++i]);
                continue;
            }

            if (rejectUnescapedPercent && c == '%')
            {
                throw new FilterException(
                    FilterErrorCodes.InvalidValue, "like supports '%' only at the start or end; escape it as '\\%'.",
                    field, start + i);
            }

            value.Append(c);
        }

        return new FilterLiteral(value.ToString(), start);
    }

    private sealed record PendingClause(string Field, FilterOperator Operator, bool IgnoreCase, bool IsLike, int Position)
    {
        public List<(string Raw, int Start)> RawValues { get; } = [];

        public bool TakesSeveralValues => Operator is FilterOperator.In or FilterOperator.NotIn
            or FilterOperator.Between or FilterOperator.NotBetween;
    }
}
