using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;
using Reference.SharedKernel.Filtering;
using Reference.TestSupport.Postgres;

namespace Reference.FilteringBenchmarks;

/// <summary>
/// One list request (count + first page of 20) on PostgreSQL with 10,000 rows over two tenants: hand-written
/// EF Core LINQ versus the same request through <see cref="ListQueryExtensions.ToListPlan{T}"/>.
/// The server is the test fixture's (<c>REFERENCE_TEST_POSTGRES</c> or a throwaway local cluster).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class QueryExecutionBenchmarks
{
    private const string Filter = "status=active,total>=100,title=*urgent/i";
    private static readonly ListConstraints<BenchOrder> Tenant = ListConstraints<BenchOrder>.ForTenant("tenant-0");

    private string _connectionString = "";
    private DbContextOptions<BenchDbContext> _options = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _connectionString = await PostgresServer.Instance.CreateDatabaseAsync("bench");
        _options = new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(_connectionString).Options;
        await using var db = new BenchDbContext(_options);
        await db.Database.EnsureCreatedAsync();
        db.Orders.AddRange(BenchOrder.Generate(10_000, tenants: 2));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE bench_orders");
    }

    [GlobalCleanup]
    public Task Cleanup() => PostgresServer.Instance.DropDatabaseAsync(_connectionString);

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenLinq()
    {
        await using var db = new BenchDbContext(_options);
        var tenant = "tenant-0";
        var term = "urgent";
        var query = db.Orders.AsNoTracking()
            .Where(o => o.TenantId == tenant)
            .Where(o => o.Status == BenchStatus.Active && o.Total >= 100 && o.Title != null && o.Title.ToLower().Contains(term));
        var total = await query.CountAsync();
        var page = await query.OrderByDescending(o => o.Total).ThenBy(o => o.Id).Skip(0).Take(21).ToListAsync();
        return total + page.Count;
    }

    [Benchmark]
    public async Task<int> FilterModule()
    {
        await using var db = new BenchDbContext(_options);
        var result = await db.Orders.AsNoTracking()
            .ToListPlan(new ListQuery(Filter: Filter, Sort: "-total"), BenchOrder.Map, Tenant)
            .ExecuteAsync(EfCoreQueryExecutor.Instance);
        return result.TotalCount + result.Items.Count;
    }
}
