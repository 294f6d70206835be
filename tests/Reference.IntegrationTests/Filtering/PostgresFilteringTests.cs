using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>The filter table against EF Core on a real PostgreSQL server.</summary>
public sealed class PostgresFilteringTests(PostgresFilteringFixture fixture) : IClassFixture<PostgresFilteringFixture>
{
    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public async Task Filter_returns_the_expected_rows_of_the_tenant(string filter, string expected)
    {
        await using var db = fixture.CreateContext();
        Assert.Equal(expected, await FilterScenario.IdsAsync(db.Orders.AsNoTracking(), EfCoreQueryExecutor.Instance, filter));
    }
}
