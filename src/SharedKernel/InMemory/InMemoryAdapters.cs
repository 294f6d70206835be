using Reference.SharedKernel.Application;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// A consistent set of in-memory ports over one <see cref="InMemoryDatabase"/>, for tests that need
/// no container: the adapters share data and join the same unit of work, as real ones would.
/// </summary>
public sealed class InMemoryAdapters
{
    public InMemoryAdapters(IEventSerializer serializer, TimeProvider? time = null, EventStoreOptions? eventStoreOptions = null)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Time = time ?? TimeProvider.System;
        Serializer = serializer;
        EventStoreOptions = eventStoreOptions ?? new EventStoreOptions();
        Database = new InMemoryDatabase(Time);
        UnitOfWork = new InMemoryUnitOfWork(Database);
        EventStore = CreateEventStore(serializer, EventStoreOptions);
        Outbox = new InMemoryOutbox(Database, Tenants);
        Snapshots = new InMemorySnapshotStore(Database, Tenants);
        AuditTrail = new InMemoryAuditTrail(Database, Tenants);
        Cache = new InMemoryCache(Tenants, Time);
        Locks = new InMemoryDistributedLock(Tenants, Time);
        Blobs = new InMemoryBlobStorage(Tenants);
        Broker = new InMemoryMessageBroker(Tenants, Correlation);
        Notifications = new InMemoryNotificationSender(Tenants, Time);
    }

    public TimeProvider Time { get; }

    public IEventSerializer Serializer { get; }

    public EventStoreOptions EventStoreOptions { get; }

    public InMemoryDatabase Database { get; }

    public ITenantContext Tenants { get; } = new AmbientTenantContext();

    public ICorrelationContext Correlation { get; } = new AmbientCorrelationContext();

    public ICurrentUser CurrentUser { get; } = new AmbientCurrentUser();

    public InMemoryUnitOfWork UnitOfWork { get; }

    public InMemoryEventStore EventStore { get; }

    public InMemoryOutbox Outbox { get; }

    public InMemorySnapshotStore Snapshots { get; }

    public InMemoryAuditTrail AuditTrail { get; }

    public InMemoryCache Cache { get; }

    public InMemoryDistributedLock Locks { get; }

    public InMemoryBlobStorage Blobs { get; }

    public InMemoryMessageBroker Broker { get; }

    public InMemoryNotificationSender Notifications { get; }

    /// <summary>Another event store over the same data, e.g. one that reads with a different serializer.</summary>
    public InMemoryEventStore CreateEventStore(IEventSerializer serializer, EventStoreOptions options) =>
        new(Database, serializer, Tenants, new EventMetadataFactory(Correlation, CurrentUser), options);

    /// <summary>A state-stored repository on this database; <paramref name="copy"/> clones an aggregate's state.</summary>
    public InMemoryRepository<TAggregate, TId> CreateRepository<TAggregate, TId>(Func<TAggregate, TAggregate> copy)
        where TAggregate : AggregateRoot<TId>
        where TId : notnull =>
        new(Database, Tenants, UnitOfWork, EventStore, Outbox, new OutboxMessageFactory(Serializer, Correlation), copy);
}
