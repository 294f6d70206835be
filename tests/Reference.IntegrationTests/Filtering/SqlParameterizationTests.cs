using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// User values reach SQL as parameters only. <c>ToQueryString()</c> prints parameter declarations first
/// (<c>.param set</c> on SQLite, <c>-- @p=</c> on PostgreSQL); the SQL after them must not contain the values.
/// </summary>
public sealed class SqlParameterizationTests(SqliteFilteringFixture sqlite, PostgresFilteringFixture postgres)
    : IClassFixture<SqliteFilteringFixture>, IClassFixture<PostgresFilteringFixture>
{
    public static TheoryData<string, string> Filters() => new()
    {
        { "title=zq'secret", "zq'secret" },
        { "title=*zqsecret/i", "zqsecret" },
        { "title^zqprefix", "zqprefix" },
        { "customer.name$zqsuffix", "zqsuffix" },
        { "number=424242", "424242" },
        { "total>=4242.42", "4242.42" },
        { "priority=[717171;727272]", "717171" },
        { "createdAt>2031-07-04T10:11:12Z", "2031" },
        { "createdAt=2031-07-04", "2031" },
        { "externalRef=12345678-9abc-def0-1234-56789abcdef0", "12345678" },
        { "lines.sku=ZQSKU", "ZQSKU" },
        { "tags=zqtag", "zqtag" },
        { "customer.email>zqmail", "zqmail" },
        { "number:between:515151,525252", "515151" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Sqlite_query_holds_user_values_as_parameters(string filter, string value)
    {
        await using var db = sqlite.CreateContext();
        AssertParameterized(Sql(db, filter), value);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Postgres_query_holds_user_values_as_parameters(string filter, string value)
    {
        await using var db = postgres.CreateContext();
        AssertParameterized(Sql(db, filter), value);
    }

    private static string Sql(FilteringDbContext db, string filter) =>
        db.Orders.ToListPlan(new ListQuery(Filter: filter), TestOrderFields.Map, FilterScenario.TenantA)
            .PageQuery.ToQueryString();

    private static void AssertParameterized(string queryString, string value)
    {
        var lines = queryString.Split('\n');
        var declarations = lines.TakeWhile(l => l.StartsWith(".param", StringComparison.Ordinal) || l.StartsWith("--", StringComparison.Ordinal)).ToList();
        var sql = string.Join('\n', lines.Skip(declarations.Count));

        var quoted = value.Replace("'", "''", StringComparison.Ordinal);
        Assert.Contains(declarations, d => d.Contains(value, StringComparison.Ordinal) || d.Contains(quoted, StringComparison.Ordinal));
        Assert.DoesNotContain(value, sql, StringComparison.Ordinal);
        Assert.DoesNotContain(quoted, sql, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOrders.TenantA, sql, StringComparison.Ordinal);
        Assert.Contains("@", sql, StringComparison.Ordinal);
    }
}
