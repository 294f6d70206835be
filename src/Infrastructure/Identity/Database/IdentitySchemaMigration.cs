using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.Identity.Database;

/// <summary>Applies the identity schema's migrations whenever the write side is migrated.</summary>
public sealed class IdentitySchemaMigration(IdentityDbContextFactory contexts)
    : DbContextSchemaMigration("identity", () => contexts.Create());
