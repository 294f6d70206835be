using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit.Database;

/// <summary>
/// The audit trail's schema: <c>audit_log</c> (one row per record: the sealed record as JSON plus the columns
/// the audit log filters on) and <c>audit_anchors</c> (where each tenant's chain resumes after retention
/// pruning). Its own migration history lets it evolve independently of the write side; each provider has
/// its own subclass and migration set. Records are written with plain SQL by <see cref="SqlAuditTrail"/>
/// (inside the business transaction); this context creates the tables and serves the filtered list.
/// </summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__audit_migrations";

    public DbSet<AuditLogEntry> Entries => Set<AuditLogEntry>();

    public DbSet<AuditAnchorRow> Anchors => Set<AuditAnchorRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditLogEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasKey(e => new { e.TenantId, e.Sequence });
            entry.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            entry.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            entry.Property<string>("Id").HasColumnName("id").HasMaxLength(36).IsRequired();
            entry.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            entry.Property(e => e.Action).HasColumnName("action").HasMaxLength(200);
            entry.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(20).HasConversion<string>();
            entry.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(200);
            entry.Property(e => e.UserId).HasColumnName("actor_id").HasMaxLength(200);
            entry.Property(e => e.ResourceType).HasColumnName("resource_type").HasMaxLength(100);
            entry.Property(e => e.ResourceId).HasColumnName("resource_id").HasMaxLength(200);
            entry.Property(e => e.CorrelationId).HasColumnName("correlation_id").HasMaxLength(128);
            entry.Property(e => e.Record).HasColumnName("record")
                .HasConversion(r => AuditRecordJson.Serialize(r), json => AuditRecordJson.Deserialize(json));
            entry.Property<string>("PreviousHash").HasColumnName("previous_hash").HasMaxLength(64).IsRequired(false);
            entry.Property<string>("Hash").HasColumnName("hash").HasMaxLength(64).IsRequired();
            entry.HasIndex(e => new { e.TenantId, e.OccurredAt }).HasDatabaseName("ix_audit_log_tenant_occurred_at");
            entry.HasIndex(e => new { e.TenantId, e.CorrelationId }).HasDatabaseName("ix_audit_log_tenant_correlation_id");
        });

        modelBuilder.Entity<AuditAnchorRow>(anchor =>
        {
            anchor.ToTable("audit_anchors");
            anchor.HasKey(a => a.TenantId);
            anchor.Property(a => a.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
            anchor.Property(a => a.Sequence).HasColumnName("sequence");
            anchor.Property(a => a.Hash).HasColumnName("hash").HasMaxLength(64);
            anchor.Property(a => a.PrunedCount).HasColumnName("pruned_count");
            anchor.Property(a => a.PrunedAt).HasColumnName("pruned_at");
        });
    }
}
