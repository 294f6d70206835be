using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// Loads an event-sourced aggregate by replaying its stream (from the latest usable snapshot when
/// one exists) and saves it by appending its pending events at the version it was loaded at.
/// </summary>
public interface IEventSourcedRepository<TAggregate, in TId>
    where TAggregate : EventSourcedAggregate<TId>
    where TId : notnull
{
    Task<TAggregate?> LoadAsync(TId id, CancellationToken cancellationToken = default);

    Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default);
}
