using Reference.SharedKernel.Filtering;

namespace Reference.UnitTests.Filtering;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData("a=1|b=2,c=3", "(a = 1 | (b = 2, c = 3))")]
    [InlineData("a=1,b=2|c=3", "((a = 1, b = 2) | c = 3)")]
    [InlineData("(a=1|b=2),c=3", "((a = 1 | b = 2), c = 3)")]
    [InlineData("a=1|b=2|c=3", "(a = 1 | b = 2 | c = 3)")]
    [InlineData(" a = 1 ,  b != x y ", "(a = 1, b != x y)")]
    [InlineData("name=*Ann/i", "name =* Ann/i")]
    [InlineData("name=Ann\\/i", "name = Ann/i")]
    [InlineData("t=\\(draft\\)\\,\\|\\\\", "t = (draft),|\\")]
    [InlineData("t=\\ padded\\ ", "t =  padded ")]
    [InlineData("s=[a;b; c ]", "s in [a;b;c]")]
    [InlineData("s!=[a]", "s not_in [a]")]
    [InlineData("t=null", "t is_null ")]
    [InlineData("t!=null", "t is_not_null ")]
    [InlineData("t=\\null", "t = null")]
    [InlineData("t=", "t = ")]
    [InlineData("a>=1,b<=2,c<3,d>4", "(a >= 1, b <= 2, c < 3, d > 4)")]
    [InlineData("a!*x,b^y,c!^z,d$w,e!$v", "(a !* x, b ^ y, c !^ z, d $ w, e !$ v)")]
    [InlineData("at=2024-01-01T10:00:00Z", "at = 2024-01-01T10:00:00Z")]
    public void Gridify_form_parses_with_and_binding_tighter_than_or(string filter, string canonical) =>
        Assert.Equal(canonical, FilterParser.Parse(filter)!.ToString());

    [Theory]
    [InlineData("status:eq:active", "status = active")]
    [InlineData("status:=:active,total:>=:100", "(status = active, total >= 100)")]
    [InlineData("price:between:100,500", "price between [100;500]")]
    [InlineData("price:not_between:100;500", "price not_between [100;500]")]
    [InlineData("s:in:a,b,c,n:gt:1", "(s in [a;b;c], n > 1)")]
    [InlineData("s:not_in:a;b", "s not_in [a;b]")]
    [InlineData("n:icontains:Ann", "n =* Ann/i")]
    [InlineData("n:like:%ann%", "n =* ann")]
    [InlineData("n:like:ann%", "n ^ ann")]
    [InlineData("n:ilike:%ann", "n $ ann/i")]
    [InlineData("n:like:ann", "n = ann")]
    [InlineData("n:like:100\\%", "n = 100%")]
    [InlineData("n:starts_with:a,n:endswith:z", "(n ^ a, n $ z)")]
    [InlineData("d:is_null", "d is_null ")]
    [InlineData("d:is_null:false", "d is_not_null ")]
    [InlineData("d:is_not_null:true", "d is_not_null ")]
    [InlineData("d:eq:null", "d is_null ")]
    [InlineData("at:gte:2024-01-01T10:00:00Z", "at >= 2024-01-01T10:00:00Z")]
    [InlineData("t:eq:a\\,b", "t = a,b")]
    [InlineData("t:eq:x|y=(z)", "t = x|y=(z)")]
    public void Colon_form_parses_with_its_operator_aliases(string filter, string canonical) =>
        Assert.Equal(canonical, FilterParser.Parse(filter)!.ToString());

    [Theory]
    [InlineData("status:eq:active", FilterSyntax.Colon)]
    [InlineData("  customer.name:eq:Ann", FilterSyntax.Colon)]
    [InlineData("status=active", FilterSyntax.Gridify)]
    [InlineData("at>2024-01-01T10:00:00Z", FilterSyntax.Gridify)]
    [InlineData("(a:eq:b)", FilterSyntax.Gridify)]
    [InlineData("title=a:eq:b", FilterSyntax.Gridify)]
    public void Syntax_is_chosen_by_what_follows_the_first_field_name(string filter, FilterSyntax syntax) =>
        Assert.Equal(syntax, FilterParser.DetectSyntax(filter));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_filter_means_no_filter(string? filter) => Assert.Null(FilterParser.Parse(filter));

    [Fact]
    public void Colon_form_accepts_each_operator_spelling_of_the_toolkit() =>
        Assert.Equal(
            [
                "!=", "<", "<=", "=", ">", ">=", "between", "contains", "ends_with", "endswith", "eq", "gt", "gte",
                "icontains", "ilike", "in", "is_not_null", "is_null", "like", "lt", "lte", "ne", "not_between",
                "not_in", "starts_with", "startswith",
            ],
            FilterParser.ColonOperatorAliases.Order(StringComparer.Ordinal));
}
