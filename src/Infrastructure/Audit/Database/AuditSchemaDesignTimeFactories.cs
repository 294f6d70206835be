using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the audit schema's model per provider without a running host.
/// The connection strings are placeholders: adding a migration never connects.
/// </summary>
public sealed class PostgresAuditDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuditDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable))
            .Options);
}

/// <inheritdoc cref="PostgresAuditDesignTimeFactory"/>
public sealed class SqliteAuditDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable))
            .Options);
}
