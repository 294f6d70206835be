using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Reference.IntegrationTests.Filtering;

/// <summary>A seeded in-process SQLite database, kept alive by one open connection for the test class.</summary>
public sealed class SqliteFilteringFixture : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteFilteringFixture()
    {
        _connection.Open();

        // EF Core translates StartsWith/EndsWith to LIKE, which SQLite compares case-insensitively by default.
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA case_sensitive_like = ON;";
            pragma.ExecuteNonQuery();
        }

        using var db = CreateContext();
        db.Database.EnsureCreated();
        db.Orders.AddRange(TestOrders.All());
        db.SaveChanges();
    }

    public FilteringDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<FilteringDbContext>().UseSqlite(_connection).Options);

    public void Dispose() => _connection.Dispose();
}
