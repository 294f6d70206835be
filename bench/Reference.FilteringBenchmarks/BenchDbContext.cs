using Microsoft.EntityFrameworkCore;

namespace Reference.FilteringBenchmarks;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchOrder> Orders => Set<BenchOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<BenchOrder>();
        order.ToTable("bench_orders");
        order.HasIndex(o => new { o.TenantId, o.Total });
    }
}
