using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>Applies the audit schema's migrations whenever the write side is migrated.</summary>
public sealed class AuditSchemaMigration(AuditDbContextFactory contexts) : ISchemaMigration
{
    public string Name => "audit-log";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = contexts.Create();
        await context.Database.MigrateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var context = contexts.Create();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
