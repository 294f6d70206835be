using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Projections;

/// <summary>
/// Raised when this node's projection has committed documents of <typeparamref name="TDocument"/>, so a
/// reader waiting for a change (<see cref="ReadModelWaiter{TDocument}"/>) looks again at once instead of at
/// its next poll. It only knows this node's commits: another node may hold the projection's lease.
/// </summary>
public sealed class ReadModelCommitSignal<TDocument>
    where TDocument : class, IReadModel
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    public void Notify()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = NewSource();
        }

        fired.TrySetResult();
    }

    /// <summary>A task that completes at the next <see cref="Notify"/>. Take it before reading, then await it, so no commit is missed.</summary>
    public Task NextAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
