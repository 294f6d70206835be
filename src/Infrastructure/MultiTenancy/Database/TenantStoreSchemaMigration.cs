using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>Applies the tenant store's migrations whenever the write side is migrated.</summary>
public sealed class TenantStoreSchemaMigration(TenantDbContextFactory contexts) : ISchemaMigration
{
    public string Name => "tenant-store";

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
