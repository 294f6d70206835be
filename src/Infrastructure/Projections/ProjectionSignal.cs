namespace Reference.Infrastructure.Projections;

/// <summary>
/// Wakes projection workers when new events may be in the log: raised in-process after a commit
/// and by the PostgreSQL NOTIFY listener for commits on other nodes. Waiters also time out on the
/// fallback poll interval, so a lost signal only costs latency.
/// </summary>
public sealed class ProjectionSignal
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

    /// <summary>A task that completes at the next <see cref="Notify"/>. Take it before checking for work, then await it.</summary>
    public Task NextAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
