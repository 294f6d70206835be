using System.Data.Common;
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
    public TenantDbContext Create() => Create(connector.CreateConnection(), ownsConnection: true);

    /// <summary>A context on a connection the caller owns (and disposes).</summary>
    public TenantDbContext Create(DbConnection connection) => Create(connection, ownsConnection: false);

    /// <summary>A context on a unit of work's connection that enlists in its transaction; the caller keeps the connection.</summary>
    public TenantDbContext Create(DbConnection connection, DbTransaction transaction)
    {
        var context = Create(connection, ownsConnection: false);
        context.Database.UseTransaction(transaction);
        return context;
    }

    private TenantDbContext Create(DbConnection connection, bool ownsConnection) => connector.Provider switch
    {
        PersistenceProvider.Postgres => new PostgresTenantDbContext(
            new DbContextOptionsBuilder<PostgresTenantDbContext>()
                .UseNpgsql(connection, ownsConnection, npgsql => npgsql.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
                .AddInterceptors(interceptors)
                .Options),
        _ => new SqliteTenantDbContext(
            new DbContextOptionsBuilder<SqliteTenantDbContext>()
                .UseSqlite(connection, ownsConnection, sqlite => sqlite.MigrationsHistoryTable(TenantDbContext.MigrationsHistoryTable))
                .AddInterceptors(interceptors)
                .Options),
    };
}
