using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>What a <see cref="ISnapshotStrategy"/> decides on, after a save.</summary>
/// <param name="Aggregate">The aggregate just saved, already at its new version.</param>
/// <param name="PreviousVersion">The version it was loaded at, before the save.</param>
/// <param name="SnapshotVersion">The version of the usable snapshot it was loaded from; 0 when there was none.</param>
/// <param name="OldestEventSinceSnapshotAt">
/// When the oldest stored event after that snapshot was recorded; null when the aggregate had none stored beyond it
/// (only the events of this save are not covered).
/// </param>
public sealed record SnapshotContext(IAggregateRoot Aggregate, long PreviousVersion, long SnapshotVersion, DateTimeOffset? OldestEventSinceSnapshotAt);
