using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// Runs one projection against its read-model store, without the caller knowing the read model's
/// type. One instance per registered projection.
/// </summary>
public interface IProjectionRunner
{
    IProjection Projection { get; }

    /// <summary>Reads the next page of the log after the leased checkpoint, applies it and commits documents and checkpoint.</summary>
    Task<ProjectionBatchResult> RunBatchAsync(Checkpoint leased, ProjectionMode mode, CancellationToken cancellationToken);

    /// <summary>Applies a dead-lettered event again (after a fix); throws if it still fails.</summary>
    Task RedriveAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken);

    Task<int> GetServingGenerationAsync(CancellationToken cancellationToken);

    Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken);

    Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken);

    Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of one batch. <see cref="Checkpoint"/> is null when the checkpoint move was
/// rejected: the caller no longer owns the projection and must stop.
/// </summary>
public sealed record ProjectionBatchResult(Checkpoint? Checkpoint, int EventsRead, bool CaughtUp);
