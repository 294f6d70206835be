using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// The projection engine's own tables (checkpoints, dead letters, serving generations, inbox),
/// with their own migrations history so they evolve independently of the write side's schema.
/// </summary>
public sealed class ProjectionsDbContext(DbContextOptions<ProjectionsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__projections_migrations";

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<DeadLetterRow> DeadLetters => Set<DeadLetterRow>();

    public DbSet<ServingGenerationRow> ServingGenerations => Set<ServingGenerationRow>();

    public DbSet<InboxRow> Inbox => Set<InboxRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ProjectionTables.MapCheckpoints(modelBuilder);
        ProjectionTables.MapServingGenerations(modelBuilder);
        ProjectionTables.MapDeadLetters(modelBuilder);
        ProjectionTables.MapInbox(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ProjectionTables.ConfigureTimes(configurationBuilder, Database.ProviderName);
}
