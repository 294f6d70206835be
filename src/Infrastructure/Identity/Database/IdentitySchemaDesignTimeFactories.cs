using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the identity model per provider without a running host.
/// The connection strings are placeholders: adding a migration never connects.
/// </summary>
public sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityDbContext>
{
    public PostgresIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(IdentityDbContext.MigrationsHistoryTable))
            .Options);
}

/// <inheritdoc cref="PostgresIdentityDesignTimeFactory"/>
public sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(IdentityDbContext.MigrationsHistoryTable))
            .Options);
}
