using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reference.Infrastructure.Persistence.Sqlite;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>Which relational engine holds the read models: the write side's (PostgreSQL or SQLite).</summary>
public enum RelationalEngine
{
    Sqlite,
    Postgres,
}

/// <summary>How the projection contexts connect, in one place for the application, tests and design-time tools.</summary>
public static class RelationalReadStoreDatabase
{
    public static void Configure(DbContextOptionsBuilder options, RelationalEngine engine, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (engine == RelationalEngine.Postgres)
        {
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(ProjectionsDbContext.MigrationsHistoryTable));
        }
        else
        {
            // The migrations are generated for PostgreSQL; SQLite accepts their column types, but its model differs in annotations.
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(ProjectionsDbContext.MigrationsHistoryTable))
                .AddInterceptors(SqliteCaseSensitiveLike.Instance)
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }

        options.ReplaceService<IModelCacheKeyFactory, ReadModelCacheKeyFactory>();
    }
}
