using System.Globalization;
using System.Reflection;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Interim;

/// <summary>
/// State-stored aggregates per (tenant, id), held as private copies so a loaded aggregate never
/// aliases the stored one; saving checks the version like a version column would.
/// </summary>
public sealed class InMemoryStateRepository<TAggregate>(ITenantContext tenant) : IRepository<TAggregate, Guid>
    where TAggregate : AggregateRoot<Guid>
{
    private readonly Dictionary<(string Tenant, Guid Id), TAggregate> _rows = [];
    private readonly Lock _gate = new();

    public Task<TAggregate?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((tenant.RequireTenantId(), id), out var row) ? Copy(row) : null);
        }
    }

    public Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        lock (_gate)
        {
            var key = (tenant.RequireTenantId(), aggregate.Id);
            var current = _rows.TryGetValue(key, out var row) ? row.Version : 0;
            if (current != aggregate.Version)
            {
                throw new ConcurrencyConflictException(aggregate.Id.ToString(), aggregate.Version.ToString(CultureInfo.InvariantCulture), current);
            }

            aggregate.MarkPersisted(current + 1);
            _rows[key] = Copy(aggregate);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        lock (_gate)
        {
            _rows.Remove((tenant.RequireTenantId(), aggregate.Id));
        }

        return Task.CompletedTask;
    }

    // Copies every field but the pending-event list, which each instance keeps for itself.
    private static TAggregate Copy(TAggregate source)
    {
        var copy = (TAggregate)Activator.CreateInstance(typeof(TAggregate), nonPublic: true)!;
        for (var type = typeof(TAggregate); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType != typeof(List<DomainEvent>))
                {
                    field.SetValue(copy, field.GetValue(source));
                }
            }
        }

        return copy;
    }
}
