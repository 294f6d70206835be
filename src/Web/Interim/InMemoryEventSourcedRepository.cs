using System.Globalization;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Web.Interim;

/// <summary>Streams of events per (tenant, aggregate id), appended with an exact expected version.</summary>
public sealed class InMemoryEventSourcedRepository<TAggregate>(ITenantContext tenant) : IEventSourcedRepository<TAggregate, Guid>
    where TAggregate : EventSourcedAggregate<Guid>
{
    private readonly Dictionary<(string Tenant, Guid Id), List<DomainEvent>> _streams = [];
    private readonly Lock _gate = new();

    public Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        List<DomainEvent> history;
        lock (_gate)
        {
            if (!_streams.TryGetValue((tenant.RequireTenantId(), id), out var stream))
            {
                return Task.FromResult<TAggregate?>(null);
            }

            history = [.. stream];
        }

        var aggregate = (TAggregate)Activator.CreateInstance(typeof(TAggregate), nonPublic: true)!;
        aggregate.Rehydrate(history);
        return Task.FromResult<TAggregate?>(aggregate);
    }

    public Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        lock (_gate)
        {
            var key = (tenant.RequireTenantId(), aggregate.Id);
            if (!_streams.TryGetValue(key, out var stream))
            {
                stream = [];
                _streams[key] = stream;
            }

            if (stream.Count != aggregate.Version)
            {
                throw new ConcurrencyConflictException(aggregate.Id.ToString(), aggregate.Version.ToString(CultureInfo.InvariantCulture), stream.Count);
            }

            stream.AddRange(aggregate.PendingEvents);
            aggregate.MarkPersisted(stream.Count);
        }

        return Task.CompletedTask;
    }
}
