namespace Reference.SharedKernel.Ports;

/// <summary>
/// A held lock that renews itself in the background (every third of its lease) until disposed, so a holder whose
/// work takes longer than one lease keeps the lock. <see cref="Lost"/> is cancelled when a renewal finds the lease
/// already expired (someone else may hold the lock now): work should stop there, and its writes are fenced anyway.
/// </summary>
public sealed class RenewingLease : ILockLease
{
    private readonly ILockLease _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;

    public RenewingLease(ILockLease lease, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _lease = lease;
        _renewing = RenewAsync(duration);
    }

    public string Resource => _lease.Resource;

    public long FencingToken => _lease.FencingToken;

    /// <summary>Cancelled once the lease was found expired; never reset.</summary>
    public CancellationToken Lost => _lost.Token;

    public Task<bool> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default) => _lease.RenewAsync(lease, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        await _lease.DisposeAsync();
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(TimeSpan duration)
    {
        using var timer = new PeriodicTimer(duration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                bool renewed;
                try
                {
                    renewed = await _lease.RenewAsync(duration, _stop.Token);
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    // The store did not answer: try again at the next tick, while the lease may still run.
                    continue;
                }

                if (!renewed)
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
