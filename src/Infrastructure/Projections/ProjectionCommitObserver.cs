using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Wakes the projection workers and the outbox dispatcher of this node once appended events have
/// committed, and tells the other nodes through <see cref="ICommitNotifier"/>.
/// </summary>
public sealed class ProjectionCommitObserver(ProjectionSignal signal, ICommitNotifier notifier) : IEventsCommittedObserver
{
    public Task EventsCommittedAsync(CancellationToken cancellationToken)
    {
        signal.Notify();
        return notifier.NotifyAsync(cancellationToken);
    }
}
