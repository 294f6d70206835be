namespace Reference.SharedKernel.Ports;

public static class DistributedLockExtensions
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> for its holder to release it or for its lease to run
    /// out; null when it is still held by then. Retries back off (with jitter) so contenders do not hammer the store.
    /// </summary>
    public static async Task<ILockLease?> AcquireAsync(
        this IDistributedLock locks,
        string resource,
        TimeSpan lease,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locks);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var started = TimeProvider.System.GetTimestamp();
        var retry = FirstRetry;
        while (true)
        {
            var acquired = await locks.TryAcquireAsync(resource, lease, cancellationToken);
            var left = timeout - TimeProvider.System.GetElapsedTime(started);
            if (acquired is not null || left <= TimeSpan.Zero)
            {
                return acquired;
            }

            var wait = retry * (0.5 + Random.Shared.NextDouble());
            await Task.Delay(wait < left ? wait : left, cancellationToken);
            retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
        }
    }

    /// <summary>Keeps <paramref name="lease"/> held by renewing it in the background until it is disposed.</summary>
    public static RenewingLease KeepRenewed(this ILockLease lease, TimeSpan duration) => new(lease, duration);
}
