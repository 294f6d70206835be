using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Filtering;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

public sealed class PostgresListingTests(PostgresFilteringFixture fixture) : ListingBehaviour, IClassFixture<PostgresFilteringFixture>, IDisposable
{
    private readonly FilteringDbContext _db = fixture.CreateContext();

    protected override IQueryExecutor Executor => EfCoreQueryExecutor.Instance;

    protected override IQueryable<TestOrder> Source() => _db.Orders.AsNoTracking();

    public void Dispose() => _db.Dispose();
}
