namespace Reference.SharedKernel.Events;

/// <summary>Snapshots when any of <paramref name="strategies"/> says so (every 100 events, or once a day).</summary>
public sealed class SnapshotWhenAny(params IReadOnlyList<ISnapshotStrategy> strategies) : ISnapshotStrategy
{
    private readonly ISnapshotStrategy[] _strategies = strategies.Count > 0
        ? [.. strategies]
        : throw new ArgumentException("Name at least one snapshot strategy.", nameof(strategies));

    public bool ShouldTakeSnapshot(SnapshotContext context) => _strategies.Any(s => s.ShouldTakeSnapshot(context));
}
