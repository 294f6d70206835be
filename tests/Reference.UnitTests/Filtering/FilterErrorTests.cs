using Reference.SharedKernel.Filtering;

namespace Reference.UnitTests.Filtering;

public sealed class FilterErrorTests
{
    [Theory]
    [InlineData("number=1,", FilterErrorCodes.DanglingOperator, 8)]
    [InlineData("number=1,  ", FilterErrorCodes.DanglingOperator, 8)]
    [InlineData("|number=1", FilterErrorCodes.DanglingOperator, 0)]
    [InlineData("number=1||number=2", FilterErrorCodes.DanglingOperator, 8)]
    [InlineData("number=1,|number=2", FilterErrorCodes.DanglingOperator, 8)]
    [InlineData("(number=1", FilterErrorCodes.UnbalancedParentheses, 0)]
    [InlineData("number=1)", FilterErrorCodes.UnbalancedParentheses, 8)]
    [InlineData("()", FilterErrorCodes.UnbalancedParentheses, 1)]
    [InlineData(")|(", FilterErrorCodes.UnbalancedParentheses, 0)]
    [InlineData("number", FilterErrorCodes.SyntaxError, 6)]
    [InlineData("=1", FilterErrorCodes.SyntaxError, 0)]
    [InlineData("number\uff1d1", FilterErrorCodes.SyntaxError, 6)]
    [InlineData("\uff4eumber=1", FilterErrorCodes.SyntaxError, 0)]
    [InlineData("title=a (b", FilterErrorCodes.InvalidValue, 8)]
    [InlineData("title=abc\\", FilterErrorCodes.InvalidValue, 9)]
    [InlineData("title=[a;;b]", FilterErrorCodes.InvalidValue, 9)]
    [InlineData("title=[a;b", FilterErrorCodes.SyntaxError, 6)]
    [InlineData("title=[a]x", FilterErrorCodes.SyntaxError, 9)]
    [InlineData("number<[1;2]", FilterErrorCodes.OperatorNotAllowed, 7)]
    [InlineData("number>null", FilterErrorCodes.InvalidValue, 7)]
    [InlineData("number:eq", FilterErrorCodes.DanglingOperator, 0)]
    [InlineData("number:between:1", FilterErrorCodes.InvalidValue, 0)]
    [InlineData("number:foo:1", FilterErrorCodes.OperatorNotAllowed, 7)]
    [InlineData("number:eq:1,,title:eq:a", FilterErrorCodes.DanglingOperator, 11)]
    [InlineData("number:eq:1,garbage", FilterErrorCodes.SyntaxError, 12)]
    [InlineData("number:eq:1,2", FilterErrorCodes.SyntaxError, 12)]
    [InlineData("title:like:a%b", FilterErrorCodes.InvalidValue, 12)]
    [InlineData("title:is_null:maybe", FilterErrorCodes.InvalidValue, 14)]
    public void Malformed_filters_fail_with_a_code_and_position(string filter, string code, int position)
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal((code, position), (error.Code, error.Position));
    }

    [Theory]
    [InlineData("nope=1", FilterErrorCodes.UnknownField, "nope", 0)]
    [InlineData("number=1|tenantId=b", FilterErrorCodes.UnknownField, "tenantId", 9)]
    [InlineData("lines=x", FilterErrorCodes.UnknownField, "lines", 0)]
    [InlineData("status>active", FilterErrorCodes.OperatorNotAllowed, "status", 0)]
    [InlineData("status!=active", FilterErrorCodes.OperatorNotAllowed, "status", 0)]
    [InlineData("number=*1", FilterErrorCodes.OperatorNotAllowed, "number", 0)]
    [InlineData("number=1/i", FilterErrorCodes.OperatorNotAllowed, "number", 0)]
    [InlineData("title<a/i", FilterErrorCodes.OperatorNotAllowed, "title", 0)]
    [InlineData("number=null", FilterErrorCodes.OperatorNotAllowed, "number", 0)]
    [InlineData("number=abc", FilterErrorCodes.InvalidValue, "number", 7)]
    [InlineData("number=", FilterErrorCodes.InvalidValue, "number", 7)]
    [InlineData("number=1.5", FilterErrorCodes.InvalidValue, "number", 7)]
    [InlineData("number=99999999999", FilterErrorCodes.InvalidValue, "number", 7)]
    [InlineData("no=[1;x]", FilterErrorCodes.InvalidValue, "number", 6)]
    [InlineData("status=1", FilterErrorCodes.InvalidValue, "status", 7)]
    [InlineData("status=Draft,Active", FilterErrorCodes.SyntaxError, "Active", 19)]
    [InlineData("status=[draft;activ]", FilterErrorCodes.InvalidValue, "status", 14)]
    [InlineData("createdAt>yesterday", FilterErrorCodes.InvalidValue, "createdAt", 10)]
    [InlineData("createdAt>01/02/2024", FilterErrorCodes.InvalidValue, "createdAt", 10)]
    [InlineData("createdAt>2024-02-30", FilterErrorCodes.InvalidValue, "createdAt", 10)]
    public void Filters_outside_the_field_map_fail_with_the_field(string filter, string code, string? field, int position)
    {
        var error = Assert.Throws<FilterException>(() => Row.Map.ToPredicate(filter));

        Assert.Equal((code, field, position), (error.Code, error.Field, error.Position));
    }

    [Fact]
    public void A_filter_over_the_length_limit_is_rejected() =>
        AssertCode(FilterErrorCodes.TooLong, "title=" + new string('a', 2043));

    [Fact]
    public void A_filter_at_the_length_limit_is_accepted() =>
        Assert.NotNull(Row.Map.ToPredicate("title=" + new string('a', 2042)));

    [Fact]
    public void More_than_fifty_clauses_are_rejected_in_both_syntaxes()
    {
        AssertCode(FilterErrorCodes.TooManyClauses, string.Join("|", Enumerable.Repeat("number=1", 51)));
        AssertCode(FilterErrorCodes.TooManyClauses, string.Join(",", Enumerable.Repeat("number:eq:1", 51)));
        Assert.NotNull(Row.Map.ToPredicate(string.Join("|", Enumerable.Repeat("number=1", 50))));
    }

    [Fact]
    public void Deep_nesting_is_rejected_before_it_can_exhaust_the_stack() =>
        AssertCode(FilterErrorCodes.TooDeeplyNested, new string('(', 1000) + "number=1" + new string(')', 1000));

    [Fact]
    public void Long_in_lists_are_rejected() =>
        AssertCode(FilterErrorCodes.TooManyValues, "number=[" + string.Join(";", Enumerable.Range(0, 101)) + "]");

    [Fact]
    public void Every_code_has_one_distinct_problem_type()
    {
        var codes = typeof(FilterErrorCodes).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(FilterErrorCodes.ProblemTypeBase))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

        Assert.Equal(codes.Order(), FilterErrorCodes.ProblemTypes.Keys.Order());
        Assert.Equal(codes.Count, FilterErrorCodes.ProblemTypes.Values.Distinct().Count());
        Assert.Equal("https://reference.dev/problems/filter/unknown-field", new FilterException(FilterErrorCodes.UnknownField, "x").ProblemType);
    }

    private static void AssertCode(string code, string filter) =>
        Assert.Equal(code, Assert.Throws<FilterException>(() => Row.Map.ToPredicate(filter)).Code);
}
