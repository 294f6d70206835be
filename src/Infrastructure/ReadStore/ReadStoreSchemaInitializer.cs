using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.ReadStore.Relational;

namespace Reference.Infrastructure.ReadStore;

/// <summary>
/// Brings the relational read-model tables up to date before the projection workers start. It runs
/// after <see cref="ProjectionsSchemaMigrator"/> (registered first), which migrates the engine's tables.
/// </summary>
public sealed class ReadStoreSchemaInitializer(IDbContextFactory<ReadModelDbContext> readModels) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await readModels.CreateDbContextAsync(cancellationToken);
        await ReadModelSchema.EnsureCreatedAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
