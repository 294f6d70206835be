namespace Reference.SharedKernel.Ports;

/// <summary>
/// Checkpoints of projections, one per (projection, generation). The stored row doubles as the
/// database lease that fences a projection generation to a single worker across all nodes.
/// </summary>
public interface ICheckpointStore
{
    Task<Checkpoint?> GetAsync(string projection, int generation, CancellationToken cancellationToken = default);

    /// <summary>Every generation of every projection (or of one), for workers and the dashboard.</summary>
    Task<IReadOnlyList<Checkpoint>> ListAsync(string? projection = null, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new checkpoint; false when one already exists for that projection and generation.</summary>
    Task<bool> TryCreateAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes (or renews) the lease for <paramref name="owner"/> when it is free, expired or already
    /// held by that owner. Returns the leased checkpoint, or null when another owner holds it.
    /// </summary>
    Task<Checkpoint?> TryAcquireAsync(string projection, int generation, string owner, DateTimeOffset leaseUntil, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="next"/> only while the stored row still has the owner, generation and
    /// position of <paramref name="previous"/>; false otherwise (the lease was lost, or a zombie wrote).
    /// </summary>
    Task<bool> TrySaveAsync(Checkpoint next, Checkpoint previous, CancellationToken cancellationToken = default);
}
