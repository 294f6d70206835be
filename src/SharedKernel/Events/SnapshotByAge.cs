namespace Reference.SharedKernel.Events;

/// <summary>
/// Snapshots when the oldest event not covered by a snapshot is at least <paramref name="maxAge"/> old: a stream that
/// changes rarely but lives long (years of occasional edits) is loaded from a recent state without counting events.
/// </summary>
public sealed class SnapshotByAge(TimeSpan maxAge, TimeProvider time) : ISnapshotStrategy
{
    private readonly TimeSpan _maxAge = maxAge > TimeSpan.Zero
        ? maxAge
        : throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "The snapshot age must be positive.");

    public bool ShouldTakeSnapshot(SnapshotContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.OldestEventSinceSnapshotAt is { } oldest && time.GetUtcNow() - oldest >= _maxAge;
    }
}
