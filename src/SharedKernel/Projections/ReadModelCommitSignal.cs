using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Projections;

/// <summary>
/// Raised when this node's projection has committed documents of <typeparamref name="TDocument"/>, so a
/// reader waiting for a change (<see cref="ReadModelWaiter{TDocument}"/>) looks again at once instead of at
/// its next poll. It only knows this node's commits: another node may hold the projection's lease.
/// </summary>
public sealed class ReadModelCommitSignal<TDocument> : AsyncSignal
    where TDocument : class, IReadModel;
