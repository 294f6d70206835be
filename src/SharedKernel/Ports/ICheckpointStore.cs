namespace Reference.SharedKernel.Ports;

/// <summary>
/// Projection checkpoints. Saving is compare-and-set on the previous value, so a worker that lost
/// ownership (a zombie) cannot move the checkpoint.
/// </summary>
public interface ICheckpointStore
{
    Task<Checkpoint?> GetAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="next"/> only if the stored checkpoint still equals <paramref name="previous"/> (null: none stored).</summary>
    Task<bool> TrySaveAsync(Checkpoint next, Checkpoint? previous, CancellationToken cancellationToken = default);
}
