using Microsoft.EntityFrameworkCore;
using Reference.TestSupport.Postgres;

namespace Reference.IntegrationTests.Filtering;

/// <summary>A fresh PostgreSQL database (shared test server) seeded with <see cref="TestOrders"/>.</summary>
public sealed class PostgresFilteringFixture : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = CreateContext();
        await db.Database.EnsureCreatedAsync();
        db.Orders.AddRange(TestOrders.All());
        await db.SaveChangesAsync();
    }

    public FilteringDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<FilteringDbContext>().UseNpgsql(_database.ConnectionString).Options);

    public Task DisposeAsync() => _database.DisposeAsync();
}
