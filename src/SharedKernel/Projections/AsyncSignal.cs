namespace Reference.SharedKernel.Projections;

/// <summary>
/// A wake-up for waiters that poll: <see cref="NextAsync"/> completes at the next <see cref="Notify"/>.
/// Take the task before checking for work, then await it, so a notify in between is never missed.
/// Waiters also time out on their own poll, so a lost signal only costs latency.
/// </summary>
public class AsyncSignal
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

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
