using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// Creates <see cref="StateDbContext"/> instances bound to a given connection (and transaction),
/// so repositories write through the session's unit of work rather than a connection of EF's own.
/// </summary>
public sealed class StateDbContextFactory(PersistenceProvider provider, StateStoreModel model, ITenantContext tenantContext, string? migrationsAssembly)
{
    public PersistenceProvider Provider => provider;

    public StateDbContext Create(DbConnection connection, DbTransaction? transaction = null)
    {
        StateDbContext context = provider switch
        {
            PersistenceProvider.Postgres => new PostgresStateDbContext(
                Configure(new DbContextOptionsBuilder<PostgresStateDbContext>()
                    .UseNpgsql(connection, npgsql =>
                    {
                        npgsql.MigrationsHistoryTable(StateDbContext.MigrationsHistoryTable);
                        npgsql.MigrationsAssembly(migrationsAssembly);
                    })).Options,
                model,
                tenantContext),
            _ => new SqliteStateDbContext(
                Configure(new DbContextOptionsBuilder<SqliteStateDbContext>()
                    .UseSqlite(connection, sqlite =>
                    {
                        sqlite.MigrationsHistoryTable(StateDbContext.MigrationsHistoryTable);
                        sqlite.MigrationsAssembly(migrationsAssembly);
                    })).Options,
                model,
                tenantContext),
        };

        if (transaction is not null)
        {
            context.Database.UseTransaction(transaction);
        }

        return context;
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext =>
        builder.ReplaceService<IModelCacheKeyFactory, StateDbContext.ModelCacheKeyFactory>();
}
