using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Reference.Infrastructure.Filtering;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>
/// Values live in parameters, so the same filter with other values, or another tenant, has the same expression
/// shape and reuses EF Core's compiled query instead of compiling SQL per request.
/// </summary>
public sealed class EfQueryCacheTests
{
    [Fact]
    public async Task Repeated_list_requests_reuse_the_compiled_query()
    {
        var compilations = 0;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<FilteringDbContext>()
            .UseSqlite(connection)
            .LogTo(_ => compilations++, [CoreEventId.QueryCompilationStarting])
            .Options;
        await using (var setup = new FilteringDbContext(options))
        {
            await setup.Database.EnsureCreatedAsync();
        }

        await ListAsync(options, "status=active,title=*order/i", TestOrders.TenantA);
        var afterFirstRequest = compilations;
        await ListAsync(options, "status=shipped,title=*other/i", TestOrders.TenantB);
        await ListAsync(options, "status=active,title=*order/i", TestOrders.TenantA);

        Assert.Equal(2, afterFirstRequest);
        Assert.Equal(afterFirstRequest, compilations);
    }

    private static async Task ListAsync(DbContextOptions<FilteringDbContext> options, string filter, string tenant)
    {
        await using var db = new FilteringDbContext(options);
        await db.Orders.AsNoTracking()
            .ToListPlan(new ListQuery(Filter: filter, Sort: "-total"), TestOrderFields.Map, ListConstraints<TestOrder>.ForTenant(tenant))
            .ExecuteAsync(EfCoreQueryExecutor.Instance);
    }
}
