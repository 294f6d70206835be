using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// How far one generation of a projection has read the log, and who is reading it. A worker owns
/// a checkpoint while its lease runs; every save is compare-and-set on (owner, generation,
/// previous position), so a worker that lost the lease cannot move it. <see cref="RebuildTotal"/> is
/// the size of a rebuild's work: the events in the log when it started (null for a generation that
/// was not created by a rebuild); with <see cref="EventsProcessed"/> it gives the rebuild's progress.
/// </summary>
public sealed record Checkpoint(
    string Projection,
    int Generation,
    LogPosition Position,
    ProjectionStatus Status,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long EventsProcessed,
    string? LastError,
    long? RebuildTotal = null)
{
    public static Checkpoint New(string projection, int generation, ProjectionStatus status, DateTimeOffset now) =>
        new(projection, generation, LogPosition.Start, status, Owner: null, LeaseUntil: null, now, now, EventsProcessed: 0, LastError: null);

    /// <summary>True when <paramref name="owner"/> may take the checkpoint at <paramref name="now"/>.</summary>
    public bool IsFreeFor(string owner, DateTimeOffset now) =>
        Owner is null || Owner == owner || LeaseUntil is null || LeaseUntil <= now;
}
