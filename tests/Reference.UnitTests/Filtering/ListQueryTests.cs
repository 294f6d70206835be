using Reference.SharedKernel.Filtering;

namespace Reference.UnitTests.Filtering;

public sealed class ListQueryTests
{
    [Fact]
    public void Query_string_binds_every_parameter_case_insensitively()
    {
        var query = ListQuery.Parse("?Filter=status%3Dactive%2Ctotal%3E%3D100&orderby=total+desc&PAGE=2&pageSize=50");

        Assert.Equal(new ListQuery(Filter: "status=active,total>=100", OrderBy: "total desc", Page: 2, PageSize: 50), query);
    }

    [Fact]
    public void Bind_reads_from_any_lookup_and_treats_empty_as_absent()
    {
        var values = new Dictionary<string, string?> { ["sort"] = "-total", ["limit"] = "10", ["offset"] = "", ["cursor"] = " " };

        Assert.Equal(new ListQuery(Sort: "-total", Limit: 10), ListQuery.Bind(values.GetValueOrDefault));
    }

    [Theory]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=1e3", "pageSize")]
    [InlineData("offset=0x10", "offset")]
    public void A_non_integer_number_is_an_invalid_paging_error(string queryString, string parameter)
    {
        var error = Assert.Throws<FilterException>(() => ListQuery.Parse(queryString));

        Assert.Equal((FilterErrorCodes.InvalidPaging, parameter), (error.Code, error.Field));
    }

    [Fact]
    public void A_repeated_parameter_is_rejected_rather_than_guessed() =>
        Assert.Equal(
            FilterErrorCodes.DuplicateParameter,
            Assert.Throws<FilterException>(() => ListQuery.Parse("filter=a%3D1&filter=tenantId%3Db")).Code);

    [Theory]
    [InlineData(null, null, null, null, 1, 20, 0)]
    [InlineData(3, 10, null, null, 3, 10, 20)]
    [InlineData(null, 100, null, null, 1, 100, 0)]
    [InlineData(null, null, 25, 50, 3, 25, 50)]
    [InlineData(null, null, null, 40, 3, 20, 40)]
    [InlineData(null, null, 5, null, 1, 5, 0)]
    public void Paging_resolves_to_a_window(int? page, int? pageSize, int? limit, int? offset, int expectedPage, int size, int skip) =>
        Assert.Equal(
            new PageRequest(expectedPage, size, skip, null),
            PageRequest.From(new ListQuery(Page: page, PageSize: pageSize, Limit: limit, Offset: offset)));

    [Theory]
    [InlineData(null, 101, null, null, null, FilterErrorCodes.PageSizeTooLarge)]
    [InlineData(null, null, 500, null, null, FilterErrorCodes.PageSizeTooLarge)]
    [InlineData(0, null, null, null, null, FilterErrorCodes.InvalidPaging)]
    [InlineData(null, 0, null, null, null, FilterErrorCodes.InvalidPaging)]
    [InlineData(null, null, null, -1, null, FilterErrorCodes.InvalidPaging)]
    [InlineData(2, null, null, 10, null, FilterErrorCodes.InvalidPaging)]
    [InlineData(null, 10, 10, null, null, FilterErrorCodes.InvalidPaging)]
    [InlineData(2, null, null, null, "abc", FilterErrorCodes.InvalidPaging)]
    [InlineData(int.MaxValue, 100, null, null, null, FilterErrorCodes.InvalidPaging)]
    public void Paging_outside_the_limits_is_a_typed_error_not_a_clamp(
        int? page, int? pageSize, int? limit, int? offset, string? cursor, string code) =>
        Assert.Equal(
            code,
            Assert.Throws<FilterException>(() => PageRequest.From(
                new ListQuery(Page: page, PageSize: pageSize, Limit: limit, Offset: offset, Cursor: cursor))).Code);

    [Fact]
    public void Maximum_page_size_is_configurable()
    {
        var limits = FilterLimits.Default with { MaxPageSize = 500 };

        Assert.Equal(500, PageRequest.From(new ListQuery(PageSize: 500), limits).PageSize);
    }

    [Theory]
    [InlineData("total desc, createdAt", null, "total:desc createdAt:asc")]
    [InlineData("total ASC", null, "total:asc")]
    [InlineData(null, "-total,createdAt,+number", "total:desc createdAt:asc number:asc")]
    public void Both_sort_syntaxes_parse_to_the_same_model(string? orderBy, string? sort, string expected) =>
        Assert.Equal(
            expected,
            string.Join(" ", SortParser.Parse(orderBy, sort).Select(s => s.Field + ":" + (s.Descending ? "desc" : "asc"))));

    [Theory]
    [InlineData("total downwards", null)]
    [InlineData("total,,number", null)]
    [InlineData("to tal desc", null)]
    [InlineData(null, "-")]
    [InlineData(null, "a,b,c,d,e,f")]
    [InlineData("total", "-total")]
    public void Malformed_sorts_are_invalid_sort_errors(string? orderBy, string? sort) =>
        Assert.Equal(FilterErrorCodes.InvalidSort, Assert.Throws<FilterException>(() => SortParser.Parse(orderBy, sort)).Code);
}
