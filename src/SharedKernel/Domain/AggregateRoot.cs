namespace Reference.SharedKernel.Domain;

/// <summary>
/// A consistency boundary. It records the domain events raised by its methods until a repository
/// persists them, and carries the version the store last saw (used for optimistic concurrency).
/// </summary>
public abstract class AggregateRoot<TId>(TId id) : Entity<TId>(id), IAggregateRoot
    where TId : notnull
{
    private readonly List<DomainEvent> _pendingEvents = [];

    /// <summary>The version persisted in the store; 0 for an aggregate never saved.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    string IAggregateRoot.AggregateId => Id.ToString() ?? string.Empty;

    protected void Raise(DomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    /// <summary>Called by repositories once the pending events are durably stored.</summary>
    public void MarkPersisted(long newVersion)
    {
        Version = newVersion;
        _pendingEvents.Clear();
    }

    /// <summary>Called by repositories when loading, so the aggregate knows the version it was read at.</summary>
    protected internal void SetPersistedVersion(long version) => Version = version;
}

/// <summary>Non-generic view of an aggregate used by infrastructure (unit of work, outbox).</summary>
public interface IAggregateRoot
{
    string AggregateId { get; }

    long Version { get; }

    IReadOnlyList<DomainEvent> PendingEvents { get; }

    void MarkPersisted(long newVersion);
}
