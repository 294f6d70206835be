using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// The EF Core model of the state-stored aggregates. Its tables belong to the application, not to
/// the event store, so it has its own migration history; a provider-specific subclass keeps the
/// PostgreSQL and SQLite migration sets apart. Instances are short-lived and always join the
/// session's connection and transaction.
/// </summary>
public abstract class StateDbContext(DbContextOptions options, StateStoreModel model, ITenantContext tenantContext) : DbContext(options)
{
    public const string TenantIdProperty = "TenantId";
    public const string MigrationsHistoryTable = "__state_migrations";

    public StateStoreModel StateModel { get; } = model;

    /// <summary>The ambient tenant, read by every aggregate's query filter.</summary>
    public string? CurrentTenantId => tenantContext.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var registration in StateModel.Registrations)
        {
            registration.Configure(modelBuilder, this);
        }
    }

    /// <summary>Caches one model per registration set, not one per context type.</summary>
    internal sealed class ModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), ((StateDbContext)context).StateModel.Key, designTime);
    }
}

/// <summary>The state-stored aggregates on PostgreSQL.</summary>
public sealed class PostgresStateDbContext(DbContextOptions<PostgresStateDbContext> options, StateStoreModel model, ITenantContext tenantContext)
    : StateDbContext(options, model, tenantContext);

/// <summary>The state-stored aggregates on SQLite.</summary>
public sealed class SqliteStateDbContext(DbContextOptions<SqliteStateDbContext> options, StateStoreModel model, ITenantContext tenantContext)
    : StateDbContext(options, model, tenantContext);
