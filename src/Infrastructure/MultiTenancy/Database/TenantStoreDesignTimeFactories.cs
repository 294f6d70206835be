using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the tenant store's model per provider without a running
/// host. The connection strings are placeholders: adding a migration never connects.
/// </summary>
public sealed class PostgresTenantDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTenantDbContext>
{
    public PostgresTenantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTenantDbContext>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
            .Options);
}

/// <inheritdoc cref="PostgresTenantDesignTimeFactory"/>
public sealed class SqliteTenantDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTenantDbContext>
{
    public SqliteTenantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTenantDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
            .Options);
}
