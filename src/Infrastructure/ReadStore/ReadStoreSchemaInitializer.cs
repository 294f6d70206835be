using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.ReadStore.Relational;

namespace Reference.Infrastructure.ReadStore;

/// <summary>
/// Brings the relational read store's schema up to date before the projection workers start:
/// the engine's migrations, then any missing read-model tables.
/// </summary>
public sealed class ReadStoreSchemaInitializer(
    IDbContextFactory<ProjectionsDbContext> projections,
    IDbContextFactory<ReadModelDbContext> readModels) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await projections.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using (var db = await readModels.CreateDbContextAsync(cancellationToken))
        {
            await ReadModelSchema.EnsureCreatedAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
