using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>Applies the tenant store's migrations whenever the write side is migrated.</summary>
public sealed class TenantStoreSchemaMigration(TenantDbContextFactory contexts)
    : DbContextSchemaMigration("tenant-store", () => contexts.Create());
