namespace Reference.SharedKernel.Events;

/// <summary>Snapshots whenever a save crosses a multiple of <paramref name="interval"/> events.</summary>
public sealed class SnapshotEveryNEvents(int interval) : ISnapshotStrategy
{
    private readonly int _interval = interval > 0
        ? interval
        : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The snapshot interval must be positive.");

    public bool ShouldTakeSnapshot(SnapshotContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Aggregate.Version / _interval > context.PreviousVersion / _interval;
    }
}
