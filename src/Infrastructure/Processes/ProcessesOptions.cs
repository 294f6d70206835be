namespace Reference.Infrastructure.Processes;

/// <summary>Tuning of the process managers' engine (section <c>Processes</c>).</summary>
public sealed class ProcessesOptions
{
    public const string Section = "Processes";

    /// <summary>Fallback poll of the command dispatcher when no commit signal arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Commands a dispatcher pass claims at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed command stays with one dispatcher before another may send it again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of a command that keeps failing transiently (conflicts, outages) before it counts as refused.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The first retry delay of a command that failed transiently; it doubles, capped at 30 seconds.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>When the recovery job runs (cron): it fires timeouts the scheduler missed and re-sends stale commands.</summary>
    public string RecoveryCron { get; set; } = "* * * * *";

    /// <summary>A timeout this far past due, still pending, is fired by the recovery job.</summary>
    public TimeSpan RecoveryGrace { get; set; } = TimeSpan.FromSeconds(30);
}
