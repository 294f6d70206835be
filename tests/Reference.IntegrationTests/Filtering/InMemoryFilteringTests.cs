using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>The filter table against LINQ-to-objects, what in-memory stores run.</summary>
public sealed class InMemoryFilteringTests
{
    private static readonly IQueryable<TestOrder> Source = TestOrders.All().AsQueryable();

    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public async Task Filter_returns_the_expected_rows_of_the_tenant(string filter, string expected) =>
        Assert.Equal(expected, await FilterScenario.IdsAsync(Source, InMemoryQueryExecutor.Instance, filter));
}
