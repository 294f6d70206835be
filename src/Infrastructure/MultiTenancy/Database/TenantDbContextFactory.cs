using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>
/// Creates <see cref="TenantDbContext"/> instances on the application database (the provider and
/// connection the write side uses). Each context owns its connection and is meant to be short-lived.
/// </summary>
public sealed class TenantDbContextFactory(DatabaseConnector connector, params IInterceptor[] interceptors)
{
    public TenantDbContext Create() => connector.Provider switch
    {
        PersistenceProvider.Postgres => new PostgresTenantDbContext(
            new DbContextOptionsBuilder<PostgresTenantDbContext>()
                .UseNpgsql(connector.CreateConnection(), contextOwnsConnection: true, npgsql => npgsql.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
                .AddInterceptors(interceptors)
                .Options),
        _ => new SqliteTenantDbContext(
            new DbContextOptionsBuilder<SqliteTenantDbContext>()
                .UseSqlite(connector.CreateConnection(), contextOwnsConnection: true, sqlite => sqlite.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
                .AddInterceptors(interceptors)
                .Options),
    };
}
