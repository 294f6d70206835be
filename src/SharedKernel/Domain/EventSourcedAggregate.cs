namespace Reference.SharedKernel.Domain;

/// <summary>
/// An aggregate whose state is the left fold of its events. Command methods validate, then call
/// <see cref="AggregateRoot{TId}.Raise"/> through <see cref="Emit"/>, which also applies the event,
/// so state changes in exactly one place: <see cref="Apply"/>.
/// </summary>
public abstract class EventSourcedAggregate<TId>(TId id) : AggregateRoot<TId>(id)
    where TId : notnull
{
    /// <summary>Mutates state for one event. Must be deterministic and never throw for a stored event.</summary>
    protected abstract void Apply(DomainEvent domainEvent);

    protected void Emit(DomainEvent domainEvent)
    {
        Apply(domainEvent);
        Raise(domainEvent);
    }

    /// <summary>Rebuilds state from history (optionally after a snapshot taken at <paramref name="fromVersion"/>).</summary>
    public void Rehydrate(IEnumerable<DomainEvent> history, long fromVersion = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        var version = fromVersion;
        foreach (var domainEvent in history)
        {
            Apply(domainEvent);
            version++;
        }

        SetPersistedVersion(version);
    }
}
