using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>The mapping of the engine's own tables, shared by the contexts that touch them.</summary>
internal static class ProjectionTables
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static void MapCheckpoints(ModelBuilder model) =>
        model.Entity<CheckpointRow>(e =>
        {
            e.ToTable("projection_checkpoints");
            e.HasKey(c => new { c.Projection, c.Generation });
            e.Property(c => c.Projection).HasColumnName("projection").HasMaxLength(200);
            e.Property(c => c.Generation).HasColumnName("generation");
            e.Property(c => c.TransactionId).HasColumnName("last_tx_id");
            e.Property(c => c.Position).HasColumnName("last_position");
            e.Property(c => c.Status).HasColumnName("status").HasMaxLength(20);
            e.Property(c => c.Owner).HasColumnName("owner").HasMaxLength(200);
            e.Property(c => c.LeaseUntil).HasColumnName("lease_until");
            e.Property(c => c.CreatedAt).HasColumnName("created_at");
            e.Property(c => c.UpdatedAt).HasColumnName("heartbeat_at");
            e.Property(c => c.EventsProcessed).HasColumnName("events_processed");
            e.Property(c => c.LastError).HasColumnName("last_error");
            e.Property(c => c.RebuildTotal).HasColumnName("rebuild_total");
        });

    public static void MapServingGenerations(ModelBuilder model) =>
        model.Entity<ServingGenerationRow>(e =>
        {
            e.ToTable("read_model_generations");
            e.HasKey(g => g.ReadModel);
            e.Property(g => g.ReadModel).HasColumnName("read_model").HasMaxLength(200);
            e.Property(g => g.Generation).HasColumnName("serving_generation");
        });

    public static void MapDeadLetters(ModelBuilder model) =>
        model.Entity<DeadLetterRow>(e =>
        {
            e.ToTable("projection_dead_letters");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.Projection).HasColumnName("projection").HasMaxLength(200);
            e.Property(d => d.Generation).HasColumnName("generation");
            e.Property(d => d.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            e.Property(d => d.EventId).HasColumnName("event_id");
            e.Property(d => d.EventType).HasColumnName("event_type").HasMaxLength(200);
            e.Property(d => d.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            e.Property(d => d.TransactionId).HasColumnName("tx_id");
            e.Property(d => d.Position).HasColumnName("position");
            e.Property(d => d.Error).HasColumnName("error");
            e.Property(d => d.Attempts).HasColumnName("attempts");
            e.Property(d => d.FailedAt).HasColumnName("failed_at");
            e.Property(d => d.RedrivenAt).HasColumnName("redriven_at");
            e.HasIndex(d => new { d.Projection, d.Generation, d.EventId }).IsUnique();
        });

    public static void MapInbox(ModelBuilder model) =>
        model.Entity<InboxRow>(e =>
        {
            e.ToTable("inbox_messages");

            // The tenant is part of the key: one tenant's message id can never mark another tenant's message handled.
            e.HasKey(i => new { i.TenantId, i.Consumer, i.MessageId });
            e.Property(i => i.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            e.Property(i => i.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(i => i.MessageId).HasColumnName("message_id");
            e.Property(i => i.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(i => i.ProcessedAt);
        });

    /// <summary>SQLite cannot compare DateTimeOffset values in SQL; store them as sortable integers there (all are UTC).</summary>
    public static void ConfigureTimes(ModelConfigurationBuilder configuration, string? provider)
    {
        if (provider == SqliteProvider)
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
