namespace Reference.SharedKernel.Events;

/// <summary>The default: never snapshot. Most streams are short, and replaying them is cheap and always correct.</summary>
public sealed class NeverSnapshot : ISnapshotStrategy
{
    public static readonly NeverSnapshot Instance = new();

    public bool ShouldTakeSnapshot(SnapshotContext context) => false;
}
