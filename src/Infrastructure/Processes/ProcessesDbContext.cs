using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// A read-only EF Core model of <c>process_instances</c>, so operators list instances with the filter module on
/// PostgreSQL and SQLite alike. The engine writes through <see cref="ProcessStore"/>'s SQL; this model owns no schema.
/// </summary>
public sealed class ProcessesDbContext(DbContextOptions<ProcessesDbContext> options) : DbContext(options)
{
    public DbSet<ProcessInstanceRow> Instances => Set<ProcessInstanceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessInstanceRow>(row =>
        {
            row.ToTable(ProcessTables.Instances);
            row.HasKey(r => new { r.TenantId, r.Id });
            row.Property(r => r.TenantId).HasColumnName("tenant_id");
            row.Property(r => r.Id).HasColumnName("id");
            row.Property(r => r.Type).HasColumnName("type");
            row.Property(r => r.CorrelationKey).HasColumnName("correlation_key");
            row.Property(r => r.Status).HasColumnName("status");
            row.Property(r => r.Step).HasColumnName("step");
            row.Property(r => r.FailureCode).HasColumnName("failure_code");
            row.Property(r => r.LastError).HasColumnName("last_error");
            row.Property(r => r.Version).HasColumnName("version");
            row.Property(r => r.CreatedAt).HasColumnName("created_ms")
                .HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            row.Property(r => r.UpdatedAt).HasColumnName("updated_ms")
                .HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        });
    }
}
