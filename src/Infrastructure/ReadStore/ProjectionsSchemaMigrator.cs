using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.ReadStore.Relational;

namespace Reference.Infrastructure.ReadStore;

/// <summary>
/// Applies the migrations of the engine's own tables in the write side's database at start-up,
/// whatever holds the read models: the inbox lives there in every configuration.
/// </summary>
public sealed class ProjectionsSchemaMigrator(IDbContextFactory<ProjectionsDbContext> projections) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await projections.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
