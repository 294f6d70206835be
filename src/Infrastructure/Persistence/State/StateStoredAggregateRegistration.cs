using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reference.SharedKernel.Domain;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>
/// Maps a state-stored aggregate by convention, so feature code needs no EF Core attributes:
/// the table is named after the type, the key is (tenant, <c>Id</c>) and the id is unique on its own,
/// the tenant is a shadow column
/// filtered on every query, <c>Version</c> is the optimistic-concurrency token, properties with
/// private setters are mapped, and record-typed properties become complex types (columns of the
/// aggregate's own table). Anything else goes in <paramref name="customize"/>.
/// </summary>
public sealed class StateStoredAggregateRegistration<TAggregate, TId>(Action<EntityTypeBuilder<TAggregate>>? customize)
    : IStateStoredAggregateRegistration
    where TAggregate : AggregateRoot<TId>
    where TId : notnull
{
    public Type AggregateType => typeof(TAggregate);

    public void Configure(ModelBuilder modelBuilder, StateDbContext context)
    {
        var entity = modelBuilder.Entity<TAggregate>();
        entity.ToTable(StateNaming.TableName(typeof(TAggregate)));
        entity.Property<string>(StateDbContext.TenantIdProperty).HasColumnName("tenant_id").HasMaxLength(100).IsRequired();
        entity.HasKey(StateDbContext.TenantIdProperty, nameof(Entity<TId>.Id));
        entity.Property(a => a.Id).ValueGeneratedNever();

        // An id names one aggregate across all tenants: another tenant's write to it is refused
        // (TenantMismatchException), never stored as a second row.
        entity.HasIndex(a => a.Id).IsUnique();
        entity.Property(a => a.Version).IsConcurrencyToken();
        entity.Ignore(a => a.PendingEvents);

        foreach (var property in typeof(TAggregate).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not null && IsRecord(property.PropertyType))
            {
                entity.ComplexProperty(property.PropertyType, property.Name);
            }
        }

        // The filter reads the tenant from the context instance, so it is evaluated per query.
        entity.HasQueryFilter(a => EF.Property<string>(a, StateDbContext.TenantIdProperty) == context.CurrentTenantId);
        customize?.Invoke(entity);
    }

    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;
}
