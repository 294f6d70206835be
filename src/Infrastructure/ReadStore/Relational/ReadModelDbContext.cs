using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// Read-model tables mapped by convention from the registered read-model types: snake-case columns,
/// key (tenant_id, generation, id), the indexes the type declares (<see cref="IReadModel.Indexes"/>), the position of the last event applied to each row (also its
/// concurrency token) and a tombstone flag. It maps the checkpoint table as well, so a projection batch commits
/// documents and checkpoint in one transaction. Its tables are created from the model (see
/// <see cref="ReadModelSchema"/>) rather than migrated, because the set of read models is the
/// application's, not this assembly's.
/// </summary>
public sealed class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options, ReadModelCatalog catalog) : DbContext(options)
{
    public const string Generation = "generation";
    public const string LastTransactionId = "last_tx_id";
    public const string LastPosition = "last_position";
    public const string Deleted = "deleted";

    public ReadModelCatalog Catalog { get; } = catalog;

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<ServingGenerationRow> ServingGenerations => Set<ServingGenerationRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ProjectionTables.MapCheckpoints(modelBuilder);
        ProjectionTables.MapServingGenerations(modelBuilder);
        foreach (var type in Catalog.Types)
        {
            var entity = modelBuilder.Entity(type);
            entity.ToTable(ReadModelCatalog.TableOf(type));
            entity.Property<int>(Generation);
            entity.Property<long>(LastTransactionId).IsConcurrencyToken();
            entity.Property<long>(LastPosition).IsConcurrencyToken();
            entity.Property<bool>(Deleted);
            entity.HasKey(nameof(IReadModel.TenantId), Generation, nameof(IReadModel.Id));

            // Reads filter by tenant and serving generation first, so both lead every declared index.
            var table = ReadModelCatalog.TableOf(type);
            foreach (var index in ReadModelIndexes.Of(type))
            {
                entity.HasIndex([nameof(IReadModel.TenantId), Generation, .. index.Properties])
                    .HasDatabaseName($"ix_{table}_{string.Join('_', index.Properties.Select(ReadModelCatalog.SnakeCase))}");
            }

            foreach (var property in entity.Metadata.GetProperties())
            {
                property.SetColumnName(ReadModelCatalog.SnakeCase(property.Name));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ProjectionTables.ConfigureTimes(configurationBuilder, Database.ProviderName);
}

/// <summary>One EF Core model per set of read-model types (tests host several sets in one process).</summary>
internal sealed class ReadModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ReadModelDbContext readModels
            ? (context.GetType(), readModels.Catalog.Key, context.Database.ProviderName, designTime)
            : (context.GetType(), designTime);
}
