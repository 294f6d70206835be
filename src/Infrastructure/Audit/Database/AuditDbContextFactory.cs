using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence;
using Reference.Infrastructure.Persistence.Sessions;
using Reference.Infrastructure.Persistence.Sqlite;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>
/// Creates <see cref="AuditDbContext"/> instances on the application database (the provider and connection the
/// write side uses). Each context owns its connection and is meant to be short-lived. On SQLite, LIKE is made
/// case-sensitive so list filters match as they do on PostgreSQL.
/// </summary>
public sealed class AuditDbContextFactory(DatabaseConnector connector)
{
    public AuditDbContext Create() => connector.Provider switch
    {
        PersistenceProvider.Postgres => new PostgresAuditDbContext(
            new DbContextOptionsBuilder<PostgresAuditDbContext>()
                .UseNpgsql(connector.CreateConnection(), contextOwnsConnection: true, npgsql => npgsql.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable))
                .Options),
        _ => new SqliteAuditDbContext(
            new DbContextOptionsBuilder<SqliteAuditDbContext>()
                .UseSqlite(connector.CreateConnection(), contextOwnsConnection: true, sqlite => sqlite.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable))
                .AddInterceptors(SqliteCaseSensitiveLike.Instance)
                .Options),
    };
}
