namespace Reference.Infrastructure.Projections;

/// <summary>Tuning of the projection engine (section <c>Projections</c>).</summary>
public sealed class ProjectionOptions
{
    public const string Section = "Projections";

    /// <summary>Events read per batch while following the log.</summary>
    public int LiveBatchSize { get; set; } = 500;

    /// <summary>Events read per batch while rebuilding a generation from the start.</summary>
    public int RebuildBatchSize { get; set; } = 5_000;

    /// <summary>Fallback poll when no wake-up signal arrives (other nodes without NOTIFY, missed signals).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker owns a projection generation without renewing.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts to apply one event in live mode before it is dead-lettered.</summary>
    public int MaxApplyAttempts { get; set; } = 3;

    /// <summary>Back-off after a batch failed to commit (store unavailable); doubles up to the poll interval times 8.</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A write transaction open longer than this holds the projection horizon back visibly: a warning in the log
    /// and a <c>Degraded</c> <c>projection-horizon</c> readiness entry naming it. Its age is a metric whatever it is.
    /// </summary>
    public TimeSpan HorizonWarningAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the horizon watch looks for the oldest open write transaction (PostgreSQL).</summary>
    public TimeSpan HorizonCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Identifies this node as a lease owner; unique per process by default.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
