using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.MultiTenancy.Database;

/// <summary>
/// The tenant store's schema: one <c>tenants</c> table, with its own migration history so it evolves
/// independently of the write side. Each provider has its own subclass and migration set.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__tenant_store_migrations";

    /// <summary>The longest tenant id, matching the <c>tenant_id</c> columns of the write side.</summary>
    public const int MaxIdLength = 100;

    public DbSet<TenantRow> Tenants => Set<TenantRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRow>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Id).HasColumnName("id").HasMaxLength(MaxIdLength);
            tenant.Property(t => t.NormalizedId).HasColumnName("normalized_id").HasMaxLength(MaxIdLength);
            tenant.Property(t => t.Name).HasColumnName("name").HasMaxLength(200);
            tenant.Property(t => t.Settings).HasColumnName("settings").HasDefaultValue("{}");
            tenant.Property(t => t.IsActive).HasColumnName("is_active").HasDefaultValue(true).HasSentinel(true);
            tenant.HasIndex(t => t.NormalizedId).IsUnique().HasDatabaseName("ux_tenants_normalized_id");
        });
    }
}
