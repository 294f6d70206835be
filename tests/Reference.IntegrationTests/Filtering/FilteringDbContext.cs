using Microsoft.EntityFrameworkCore;

namespace Reference.IntegrationTests.Filtering;

/// <summary>An EF Core model of <see cref="TestOrder"/>: owned customer, owned lines table, tags as a primitive collection.</summary>
public sealed class FilteringDbContext(DbContextOptions<FilteringDbContext> options) : DbContext(options)
{
    public DbSet<TestOrder> Orders => Set<TestOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<TestOrder>();
        order.ToTable("filter_orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Status).HasConversion<string>();
        order.OwnsOne(o => o.Customer);
        order.Navigation(o => o.Customer).IsRequired();
        order.OwnsMany(o => o.Lines, lines =>
        {
            lines.ToTable("filter_order_lines");
            lines.WithOwner().HasForeignKey("OrderId");
            lines.Property<int>("Id").ValueGeneratedOnAdd();
            lines.HasKey("Id");
        });
    }
}
