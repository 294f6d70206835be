using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Wraps the event store so every append wakes the projection workers and the outbox dispatcher
/// once its transaction has committed (after the unit of work commits, or at once outside one),
/// and tells the other nodes through <see cref="ICommitNotifier"/>.
/// </summary>
public sealed class CommitSignallingEventStore(IEventStore inner, IUnitOfWork unitOfWork, ProjectionSignal signal, ICommitNotifier notifier) : IEventStore
{
    public async Task<AppendResult> AppendAsync(
        string streamId, string streamType, ExpectedVersion expected, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        var result = await inner.AppendAsync(streamId, streamType, expected, events, cancellationToken);
        if (unitOfWork.IsActive)
        {
            unitOfWork.AfterCommit(NotifyAsync);
        }
        else
        {
            await NotifyAsync(cancellationToken);
        }

        return result;
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId, StreamDirection direction = StreamDirection.Forward, long fromVersion = 0, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, direction, fromVersion, maxCount, cancellationToken);

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    public Task<ReadAllPage> ReadAllAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(after, maxCount, cancellationToken);

    public Task<long> CountAllAsync(CancellationToken cancellationToken = default) => inner.CountAllAsync(cancellationToken);

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        signal.Notify();
        await notifier.NotifyAsync(cancellationToken);
    }
}

/// <summary>Tells other nodes that new events were committed.</summary>
public interface ICommitNotifier
{
    Task NotifyAsync(CancellationToken cancellationToken);
}

/// <summary>A single node (or the fallback poll) needs no cross-node signal.</summary>
public sealed class NoCommitNotifier : ICommitNotifier
{
    public Task NotifyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
