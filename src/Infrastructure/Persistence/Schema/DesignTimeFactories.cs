using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Reference.Infrastructure.Persistence.Postgres;
using Reference.Infrastructure.Persistence.Sqlite;

namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build each provider's schema model without a running host.
/// The connection strings are placeholders: adding a migration never connects.
/// </summary>
public sealed class PostgresEventStoreDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEventStoreDbContext>
{
    public PostgresEventStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEventStoreDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(EventStoreDbContext.MigrationsHistoryTable))
            .Options);
}

/// <inheritdoc cref="PostgresEventStoreDesignTimeFactory"/>
public sealed class SqliteEventStoreDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEventStoreDbContext>
{
    public SqliteEventStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEventStoreDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(EventStoreDbContext.MigrationsHistoryTable))
            .Options);
}
