using System.Net;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// Values the filter's converter cannot turn into the field's type, or that fall outside what the type (and
/// the column behind it) can hold, are a 400 <c>invalid_value</c> naming the field: never a 500, never a guess.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileFilterValueTests(ReferenceApiFactory app)
{
    [Theory]
    [InlineData("placedAt>9999-12-31", "placedAt")]
    [InlineData("placedAt<=9999-12-31", "placedAt")]
    [InlineData("placedAt=9999-12-31", "placedAt")]
    [InlineData("placedAt!=9999-12-31", "placedAt")]
    [InlineData("placedAt=[2024-01-01;9999-12-31]", "placedAt")]
    [InlineData("placedAt:between:2024-01-01;9999-12-31", "placedAt")]
    [InlineData("placedAt>9999-12-31T23:00:00-05:00", "placedAt")]
    [InlineData("placedAt<0001-01-01T00:00:00+01:00", "placedAt")]
    [InlineData("placedAt>10000-01-01", "placedAt")]
    [InlineData("placedAt>-0001-01-01", "placedAt")]
    [InlineData("total>79228162514264337593543950336", "total")]
    [InlineData("total<-79228162514264337593543950336", "total")]
    [InlineData("total>1e400", "total")]
    [InlineData("total>NaN", "total")]
    [InlineData("total>Infinity", "total")]
    [InlineData("lineCount>2147483648", "lineCount")]
    [InlineData("itemCount<-2147483649", "itemCount")]
    [InlineData("itemCount=[1;99999999999]", "itemCount")]
    [InlineData("customerId=00000000-0000-0000-0000-00000000000G", "customerId")]
    public async Task A_value_the_field_type_cannot_hold_is_a_400_invalid_value(string filter, string field)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("filter", filter)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(FilterErrorCodes.InvalidValue));
        Assert.Equal(FilterErrorCodes.InvalidValue, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("placedAt<9999-12-31")]
    [InlineData("placedAt>=9999-12-31")]
    [InlineData("updatedAt>0001-01-01")]
    [InlineData("updatedAt>=9999-12-31T23:59:59.9999999Z")]
    [InlineData("total<=79228162514264337593543950335")]
    [InlineData("lineCount>=-2147483648")]
    public async Task The_extremes_a_field_type_can_hold_are_answered(string filter)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("filter", filter)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("page", "99999999999", FilterErrorCodes.InvalidPaging)]
    [InlineData("page", "2147483647", FilterErrorCodes.InvalidPaging)]
    [InlineData("pageSize", "-1", FilterErrorCodes.InvalidPaging)]
    [InlineData("offset", "-2147483648", FilterErrorCodes.InvalidPaging)]
    [InlineData("limit", "2147483648", FilterErrorCodes.InvalidPaging)]
    public async Task A_paging_number_out_of_its_range_is_a_400(string parameter, string value, string code)
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", (parameter, value)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, FilterErrorCodes.ProblemTypeOf(code));
    }

    [Fact]
    public async Task The_largest_offset_answers_an_empty_page()
    {
        var response = await app.Sales().GetAsync(ListApi.Url("/api/orders", ("offset", "2147483647"), ("limit", "100")));

        var page = await response.ReadAsAsync<ListApi.ListPage<object>>();
        Assert.Empty(page.Items);
    }
}
