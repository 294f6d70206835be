using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>Applies the audit schema's migrations whenever the write side is migrated.</summary>
public sealed class AuditSchemaMigration(AuditDbContextFactory contexts)
    : DbContextSchemaMigration("audit-log", () => contexts.Create());
