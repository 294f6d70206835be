using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Events;

/// <summary>Decides, after a save, whether the repository stores a snapshot of the aggregate.</summary>
public interface ISnapshotStrategy
{
    /// <param name="aggregate">The aggregate just saved, already at its new version.</param>
    /// <param name="previousVersion">The version it was loaded at, before the save.</param>
    bool ShouldTakeSnapshot(IAggregateRoot aggregate, long previousVersion);
}

/// <summary>The default: never snapshot. Most streams are short, and replaying them is cheap and always correct.</summary>
public sealed class NeverSnapshot : ISnapshotStrategy
{
    public static readonly NeverSnapshot Instance = new();

    public bool ShouldTakeSnapshot(IAggregateRoot aggregate, long previousVersion) => false;
}

/// <summary>Snapshots whenever a save crosses a multiple of <paramref name="interval"/> events.</summary>
public sealed class SnapshotEveryNEvents(int interval) : ISnapshotStrategy
{
    private readonly int _interval = interval > 0
        ? interval
        : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The snapshot interval must be positive.");

    public bool ShouldTakeSnapshot(IAggregateRoot aggregate, long previousVersion) =>
        aggregate.Version / _interval > previousVersion / _interval;
}
