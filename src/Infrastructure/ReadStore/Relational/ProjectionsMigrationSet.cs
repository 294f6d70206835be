using Microsoft.EntityFrameworkCore;
using Reference.Infrastructure.Persistence;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>The projection engine's tables in the relational read store (checkpoints, dead letters, inbox).</summary>
public sealed class ProjectionsMigrationSet(IDbContextFactory<ProjectionsDbContext> contexts) : IMigrationSet
{
    public string Name => "projections";

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
