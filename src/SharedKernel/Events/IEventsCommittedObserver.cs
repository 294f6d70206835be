namespace Reference.SharedKernel.Events;

/// <summary>
/// Told by the event store once appended events are durable: after the unit of work they joined commits,
/// or at once for an append outside one. Never told about an append that rolled back.
/// </summary>
public interface IEventsCommittedObserver
{
    Task EventsCommittedAsync(CancellationToken cancellationToken);
}
