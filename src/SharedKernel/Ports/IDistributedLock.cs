namespace Reference.SharedKernel.Ports;

/// <summary>
/// A lease-based lock shared by every node. Resource names are scoped to the ambient tenant
/// unless taken in the system scope. A lease that expires is free for others to take, so holders
/// renew while they work and check the result. Every acquisition of a resource carries a fencing token greater than
/// any earlier one: a store that refuses writes with a token older than the last it saw stops a holder whose lease
/// expired while it was paused.
/// </summary>
public interface IDistributedLock
{
    /// <summary>Takes the lock, or returns null at once if someone else holds it.</summary>
    Task<ILockLease?> TryAcquireAsync(string resource, TimeSpan lease, CancellationToken cancellationToken = default);
}

/// <summary>A held lock. Disposing releases it (if still held).</summary>
public interface ILockLease : IAsyncDisposable
{
    string Resource { get; }

    /// <summary>Greater than the token of every earlier acquisition of this resource (in its tenant).</summary>
    long FencingToken { get; }

    /// <summary>Extends the lease; false if it had already expired and someone else may hold the lock.</summary>
    Task<bool> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default);
}
