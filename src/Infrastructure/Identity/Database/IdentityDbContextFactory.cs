using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>
/// Creates <see cref="IdentityDbContext"/> instances on the application database (the provider and connection the
/// write side uses). Each context owns its connection and is meant to be short-lived.
/// </summary>
public sealed class IdentityDbContextFactory(DatabaseConnector connector)
{
    public IdentityDbContext Create() => connector.Provider switch
    {
        PersistenceProvider.Postgres => new PostgresIdentityDbContext(
            new DbContextOptionsBuilder<PostgresIdentityDbContext>()
                .UseNpgsql(connector.CreateConnection(), contextOwnsConnection: true, npgsql => npgsql.MigrationsHistoryTable(IdentityDbContext.MigrationsHistoryTable))
                .Options),
        _ => new SqliteIdentityDbContext(
            new DbContextOptionsBuilder<SqliteIdentityDbContext>()
                .UseSqlite(connector.CreateConnection(), contextOwnsConnection: true, sqlite => sqlite.MigrationsHistoryTable(IdentityDbContext.MigrationsHistoryTable))
                .Options),
    };
}
