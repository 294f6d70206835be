using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>
/// The write-side schema: streams, events, outbox, snapshots and idempotency keys. Each provider has its own
/// subclass (and so its own migration set), because the column types and the global-log
/// ordering differ: PostgreSQL records the writing transaction id, SQLite does not need it.
/// Appends and reads go through hand-written SQL; this model owns the schema and its migrations.
/// </summary>
public abstract class EventStoreDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__event_store_migrations";

    public DbSet<StreamRow> Streams => Set<StreamRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<SnapshotRow> Snapshots => Set<SnapshotRow>();

    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StreamRow>(stream =>
        {
            stream.ToTable("streams");
            stream.HasKey(s => new { s.TenantId, s.StreamId });
            stream.Property(s => s.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            stream.Property(s => s.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            stream.Property(s => s.StreamType).HasColumnName("stream_type").HasMaxLength(200);
            stream.Property(s => s.Version).HasColumnName("version");
            stream.Property(s => s.Archived).HasColumnName("archived").HasDefaultValue(false);
            stream.Property(s => s.CreatedAt).HasColumnName("created_at");
            stream.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<EventRow>(evt =>
        {
            evt.ToTable("events");
            evt.HasKey(e => e.GlobalPosition);
            evt.Property(e => e.GlobalPosition).HasColumnName("global_position").ValueGeneratedOnAdd();
            evt.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            evt.Property(e => e.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            evt.Property(e => e.StreamVersion).HasColumnName("stream_version");
            evt.Property(e => e.EventId).HasColumnName("event_id");
            evt.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(200);
            evt.Property(e => e.SchemaVersion).HasColumnName("schema_version");
            evt.Property(e => e.Data).HasColumnName("data");
            evt.Property(e => e.Metadata).HasColumnName("metadata");
            evt.Property(e => e.RecordedAt).HasColumnName("recorded_at");
            evt.Property(e => e.Archived).HasColumnName("archived").HasDefaultValue(false);
            evt.HasIndex(e => new { e.TenantId, e.StreamId, e.StreamVersion }).IsUnique().HasDatabaseName("ux_events_stream_version");
            // Event ids are unique per tenant, not only per stream: reusing one anywhere is a duplicate.
            evt.HasIndex(e => new { e.TenantId, e.EventId }).IsUnique().HasDatabaseName("ux_events_event_id");
            evt.HasOne<StreamRow>().WithMany().HasForeignKey(e => new { e.TenantId, e.StreamId }).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OutboxRow>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.HasKey(o => o.Sequence);
            outbox.Property(o => o.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            outbox.Property(o => o.MessageId).HasColumnName("message_id");
            outbox.Property(o => o.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            outbox.Property(o => o.Destination).HasColumnName("destination").HasMaxLength(200);
            outbox.Property(o => o.PartitionKey).HasColumnName("partition_key").HasMaxLength(200);
            outbox.Property(o => o.Type).HasColumnName("type").HasMaxLength(200);
            outbox.Property(o => o.Payload).HasColumnName("payload");
            outbox.Property(o => o.Headers).HasColumnName("headers");
            outbox.Property(o => o.Attempts).HasColumnName("attempts").HasDefaultValue(0);
            outbox.Property(o => o.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(o => o.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(200);
            outbox.Property(o => o.LeaseUntil).HasColumnName("lease_until");
            outbox.Property(o => o.LastError).HasColumnName("last_error");
            outbox.Property(o => o.CreatedAt).HasColumnName("created_at");
            outbox.Property(o => o.ProcessedAt).HasColumnName("processed_at");
            outbox.Property(o => o.DeadLetteredAt).HasColumnName("dead_lettered_at");
            outbox.HasIndex(o => new { o.TenantId, o.MessageId }).IsUnique().HasDatabaseName("ux_outbox_message_id");

            // The dispatcher only ever scans pending rows; a partial index keeps that scan small.
            outbox.HasIndex(o => new { o.TenantId, o.PartitionKey, o.Sequence })
                .HasDatabaseName("ix_outbox_pending")
                .HasFilter("processed_at IS NULL AND dead_lettered_at IS NULL");
        });

        modelBuilder.Entity<SnapshotRow>(snapshot =>
        {
            snapshot.ToTable("snapshots");
            snapshot.HasKey(s => new { s.TenantId, s.StreamId, s.SnapshotType });
            snapshot.Property(s => s.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            snapshot.Property(s => s.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            snapshot.Property(s => s.SnapshotType).HasColumnName("snapshot_type").HasMaxLength(200);
            snapshot.Property(s => s.Version).HasColumnName("version");
            snapshot.Property(s => s.SchemaVersion).HasColumnName("schema_version");
            snapshot.Property(s => s.Data).HasColumnName("data");
            snapshot.Property(s => s.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<IdempotencyKeyRow>(key =>
        {
            key.ToTable("idempotency_keys");
            key.HasKey(k => new { k.TenantId, k.PrincipalId, k.Key });
            key.Property(k => k.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            key.Property(k => k.PrincipalId).HasColumnName("principal_id");
            key.Property(k => k.Key).HasColumnName("idempotency_key").HasMaxLength(255);
            key.Property(k => k.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            key.Property(k => k.ClaimToken).HasColumnName("claim_token");
            key.Property(k => k.LockedUntil).HasColumnName("locked_until");
            key.Property(k => k.CompletedAt).HasColumnName("completed_at");
            key.Property(k => k.Response).HasColumnName("response");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.ExpiresAt).HasColumnName("expires_at");

            // Pruning removes the oldest expired keys first.
            key.HasIndex(k => k.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires_at");
        });
    }
}
