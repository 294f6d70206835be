using MongoDB.Driver;

namespace Reference.IntegrationTests.Filtering;

/// <summary>The filter table through MongoDB's LINQ provider and wire protocol (MongoDB at <c>MONGODB_URI</c>, else the Mongo-wire emulator).</summary>
public sealed class MongoFilteringTests(MongoFilteringFixture fixture) : IClassFixture<MongoFilteringFixture>
{
    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public async Task Filter_returns_the_expected_rows_of_the_tenant(string filter, string expected) =>
        Assert.Equal(expected, await FilterScenario.IdsAsync(fixture.Orders.AsQueryable(), MongoQueryExecutor.Instance, filter));
}
