using System.Text;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Recursive-descent parser of the Gridify form:
/// <code>
/// or      := and ('|' and)*
/// and     := term (',' term)*
/// term    := '(' or ')' | clause
/// clause  := field op (value | '[' value (';' value)* ']') ['/i']
/// op      := '=*' | '!*' | '!=' | '!^' | '!$' | '&lt;=' | '&gt;=' | '=' | '&lt;' | '&gt;' | '^' | '$'
/// </code>
/// AND binds tighter than OR, so <c>a|b,c</c> is <c>a|(b,c)</c>. Inside a value, <c>\</c> escapes the next
/// character; <c>, | ( ) \</c>, a leading <c>[</c>, <c>; ]</c> inside a list and a trailing <c>/i</c> must be
/// escaped to be literal.
/// </summary>
internal sealed class GridifyFilterParser(string text, FilterLimits limits)
{
    private static readonly (string Symbol, FilterOperator Operator)[] Operators =
    [
        ("=*", FilterOperator.Contains), ("!*", FilterOperator.NotContains), ("!=", FilterOperator.NotEqual),
        ("!^", FilterOperator.NotStartsWith), ("!$", FilterOperator.NotEndsWith),
        ("<=", FilterOperator.LessThanOrEqual), (">=", FilterOperator.GreaterThanOrEqual),
        ("=", FilterOperator.Equal), ("<", FilterOperator.LessThan), (">", FilterOperator.GreaterThan),
        ("^", FilterOperator.StartsWith), ("$", FilterOperator.EndsWith),
    ];

    private int _pos;
    private int _clauses;

    public FilterNode Parse()
    {
        var node = ParseOr(depth: 0);
        SkipSpaces();
        if (_pos < text.Length)
        {
            // ParseOr only stops early at a ')' it cannot match.
            throw new FilterException(
                FilterErrorCodes.UnbalancedParentheses, "')' has no matching '('.", position: _pos);
        }

        return node;
    }

    private FilterNode ParseOr(int depth)
    {
        var first = ParseAnd(depth);
        List<FilterNode>? operands = null;
        while (TryConsumeSeparator('|'))
        {
            (operands ??= [first]).Add(ParseAnd(depth));
        }

        return operands is null ? first : new OrNode(operands);
    }

    private FilterNode ParseAnd(int depth)
    {
        var first = ParseTerm(depth);
        List<FilterNode>? operands = null;
        while (TryConsumeSeparator(','))
        {
            (operands ??= [first]).Add(ParseTerm(depth));
        }

        return operands is null ? first : new AndNode(operands);
    }

    private bool TryConsumeSeparator(char separator)
    {
        SkipSpaces();
        if (_pos >= text.Length || text[_pos] != separator)
        {
            return false;
        }

        var at = _pos++;
        SkipSpaces();
        if (_pos >= text.Length || text[_pos] is ',' or '|' or ')')
        {
            throw new FilterException(
                FilterErrorCodes.DanglingOperator, $"'{separator}' must be followed by a clause.", position: at);
        }

        return true;
    }

    private FilterNode ParseTerm(int depth)
    {
        SkipSpaces();
        if (_pos >= text.Length)
        {
            throw new FilterException(FilterErrorCodes.SyntaxError, "A clause was expected.", position: _pos);
        }

        switch (text[_pos])
        {
            case ',' or '|':
                throw new FilterException(
                    FilterErrorCodes.DanglingOperator, $"'{text[_pos]}' must be preceded by a clause.", position: _pos);
            case ')':
                throw new FilterException(
                    FilterErrorCodes.UnbalancedParentheses, "')' has no matching '(' or closes an empty group.",
                    position: _pos);
            case '(':
                return ParseGroup(depth);
            default:
                return ParseClause();
        }
    }

    private GroupNode ParseGroup(int depth)
    {
        var open = _pos++;
        if (depth + 1 > limits.MaxDepth)
        {
            throw new FilterException(
                FilterErrorCodes.TooDeeplyNested, $"Groups nest deeper than {limits.MaxDepth} levels.", position: open);
        }

        var inner = ParseOr(depth + 1);
        SkipSpaces();
        if (_pos >= text.Length || text[_pos] != ')')
        {
            throw new FilterException(FilterErrorCodes.UnbalancedParentheses, "'(' is never closed.", position: open);
        }

        _pos++;
        return new GroupNode(inner);
    }

    private ComparisonNode ParseClause()
    {
        var fieldStart = _pos;
        if (!FieldName.IsStart(text[_pos]))
        {
            throw new FilterException(
                FilterErrorCodes.SyntaxError, $"A field name was expected, found '{text[_pos]}'.", position: _pos);
        }

        while (_pos < text.Length && FieldName.IsPart(text[_pos]))
        {
            _pos++;
        }

        var field = text[fieldStart.._pos];
        SkipSpaces();
        var op = ReadOperator(field);
        if (++_clauses > limits.MaxClauses)
        {
            throw new FilterException(
                FilterErrorCodes.TooManyClauses, $"The filter has more than {limits.MaxClauses} clauses.",
                field, fieldStart);
        }

        SkipSpaces();
        if (_pos < text.Length && text[_pos] == '[')
        {
            return ParseList(field, op, fieldStart);
        }

        var value = ReadValue(field, stopAtListDelimiters: false, out var ignoreCase);
        return ToClause(field, op, value, ignoreCase, fieldStart);
    }

    private FilterOperator ReadOperator(string field)
    {
        foreach (var (symbol, op) in Operators)
        {
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) == 0)
            {
                _pos += symbol.Length;
                return op;
            }
        }

        var found = _pos < text.Length ? $"'{text[_pos]}'" : "the end of the filter";
        throw new FilterException(
            FilterErrorCodes.SyntaxError, $"An operator was expected after '{field}', found {found}.", field, _pos);
    }

    private static ComparisonNode ToClause(
        string field, FilterOperator op, (FilterLiteral Literal, bool Escaped) value, bool ignoreCase, int position)
    {
        // An unescaped 'null' is the null literal; '\null' is the text "null".
        if (!value.Escaped && value.Literal.Text == "null")
        {
            return op switch
            {
                FilterOperator.Equal => new ComparisonNode(field, FilterOperator.IsNull, [], false, position),
                FilterOperator.NotEqual => new ComparisonNode(field, FilterOperator.IsNotNull, [], false, position),
                _ => throw new FilterException(
                    FilterErrorCodes.InvalidValue, "null can only be compared with = or !=.", field,
                    value.Literal.Position),
            };
        }

        return new ComparisonNode(field, op, [value.Literal], ignoreCase, position);
    }

    private ComparisonNode ParseList(string field, FilterOperator op, int position)
    {
        var listOp = op switch
        {
            FilterOperator.Equal => FilterOperator.In,
            FilterOperator.NotEqual => FilterOperator.NotIn,
            _ => throw new FilterException(
                FilterErrorCodes.OperatorNotAllowed, "A [a;b] list can only follow = or !=.", field, _pos),
        };

        var open = _pos++;
        var values = new List<FilterLiteral>();
        while (true)
        {
            SkipSpaces();
            var (literal, _) = ReadValue(field, stopAtListDelimiters: true, out var ignoreCase);
            if (ignoreCase)
            {
                throw new FilterException(
                    FilterErrorCodes.OperatorNotAllowed, "/i is not supported inside a list.", field, literal.Position);
            }

            if (literal.Text.Length == 0)
            {
                throw new FilterException(FilterErrorCodes.InvalidValue, "A list item is empty.", field, literal.Position);
            }

            values.Add(literal);
            if (values.Count > limits.MaxListValues)
            {
                throw new FilterException(
                    FilterErrorCodes.TooManyValues, $"A list holds more than {limits.MaxListValues} values.", field, open);
            }

            if (_pos >= text.Length)
            {
                throw new FilterException(FilterErrorCodes.SyntaxError, "'[' is never closed with ']'.", field, open);
            }

            if (text[_pos++] == ']')
            {
                break;
            }
        }

        SkipSpaces();
        if (_pos < text.Length && text[_pos] is not (',' or '|' or ')'))
        {
            throw new FilterException(
                FilterErrorCodes.SyntaxError, $"Unexpected '{text[_pos]}' after the list.", field, _pos);
        }

        return new ComparisonNode(field, listOp, values, false, position);
    }

    /// <summary>
    /// Reads up to an unescaped delimiter, unescaping as it goes. Leading and trailing spaces are dropped unless
    /// escaped. A trailing unescaped <c>/i</c> sets <paramref name="ignoreCase"/>.
    /// </summary>
    private (FilterLiteral Literal, bool Escaped) ReadValue(string field, bool stopAtListDelimiters, out bool ignoreCase)
    {
        ignoreCase = false;
        var start = _pos;
        var value = new StringBuilder();
        var significantLength = 0;
        var escaped = false;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\\')
            {
                if (_pos + 1 >= text.Length)
                {
                    throw new FilterException(
                        FilterErrorCodes.InvalidValue, "'\\' at the end of the filter escapes nothing.", field, _pos);
                }

                value.Append(text[_pos + 1]);
                significantLength = value.Length;
                escaped = true;
                _pos += 2;
                continue;
            }

            if (IsValueEnd(c, stopAtListDelimiters))
            {
                break;
            }

            if (c == '(')
            {
                throw new FilterException(
                    FilterErrorCodes.InvalidValue, $"'{c}' inside a value must be escaped as '\\{c}'.", field, _pos);
            }

            if (c == '/' && _pos + 1 < text.Length && text[_pos + 1] == 'i' && IsAtValueEnd(_pos + 2, stopAtListDelimiters))
            {
                ignoreCase = true;
                _pos += 2;
                SkipSpaces();
                break;
            }

            value.Append(c);
            if (!char.IsWhiteSpace(c))
            {
                significantLength = value.Length;
            }

            _pos++;
        }

        value.Length = significantLength;
        return (new FilterLiteral(value.ToString(), start), escaped);
    }

    private bool IsAtValueEnd(int index, bool stopAtListDelimiters)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index >= text.Length || IsValueEnd(text[index], stopAtListDelimiters);
    }

    private static bool IsValueEnd(char c, bool stopAtListDelimiters) =>
        stopAtListDelimiters ? c is ';' or ']' : c is ',' or '|' or ')';

    private void SkipSpaces()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
        {
            _pos++;
        }
    }
}
