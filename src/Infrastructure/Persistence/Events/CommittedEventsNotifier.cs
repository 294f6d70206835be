using Reference.Infrastructure.Persistence.Sessions;
using Reference.SharedKernel.Events;

namespace Reference.Infrastructure.Persistence.Events;

/// <summary>
/// How an event store tells <see cref="IEventsCommittedObserver"/>s about an append: through the unit of
/// work's after-commit hook when the append joined one (so a rollback tells no one), at once otherwise.
/// </summary>
public sealed class CommittedEventsNotifier(IEnumerable<IEventsCommittedObserver> observers)
{
    private readonly IEventsCommittedObserver[] _observers = [.. observers];

    public Task AppendedAsync(PersistenceSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _observers.Length == 0 ? Task.CompletedTask : session.AfterCommitOrNowAsync(NotifyAsync, cancellationToken);
    }

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.EventsCommittedAsync(cancellationToken);
        }
    }
}
