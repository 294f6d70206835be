using MongoDB.Driver;

namespace Reference.IntegrationTests.Filtering;

/// <summary>The filter table against a live MongoDB server (set <c>MONGODB_URI</c> to run it).</summary>
public sealed class MongoFilteringTests(MongoFilteringFixture fixture) : IClassFixture<MongoFilteringFixture>
{
    [MongoTheory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public async Task Filter_returns_the_expected_rows_of_the_tenant(string filter, string expected) =>
        Assert.Equal(expected, await FilterScenario.IdsAsync(fixture.Orders.AsQueryable(), MongoQueryExecutor.Instance, filter));
}
