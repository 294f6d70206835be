namespace Reference.SharedKernel.Ports;

/// <summary>
/// The changes one projection batch makes to one generation of a read model, with the checkpoint
/// move that records them. Stores with transactions commit both atomically; the others rely on
/// the per-document position guard, so a replay after a crash between the two is harmless.
/// </summary>
public sealed record ReadModelBatch<TDocument>(
    int Generation,
    IReadOnlyList<ReadModelWrite<TDocument>> Writes,
    CheckpointMove? Checkpoint)
    where TDocument : class, IReadModel;

/// <summary>A compare-and-set move of a checkpoint from <see cref="Previous"/> to <see cref="Next"/>.</summary>
public sealed record CheckpointMove(Checkpoint Previous, Checkpoint Next);
