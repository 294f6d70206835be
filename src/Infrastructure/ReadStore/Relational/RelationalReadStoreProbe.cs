using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>Opens a connection to the relational read store's database.</summary>
public sealed class RelationalReadStoreProbe(IDbContextFactory<ReadModelDbContext> contexts) : IReadStoreProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.CloseConnectionAsync();
    }
}
