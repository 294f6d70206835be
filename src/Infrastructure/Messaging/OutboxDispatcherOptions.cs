namespace Reference.Infrastructure.Messaging;

/// <summary>Tuning of the outbox dispatcher (section <c>Outbox</c>).</summary>
public sealed class OutboxDispatcherOptions
{
    public const string Section = "Outbox";

    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed message stays with this dispatcher; after that another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fallback poll when no commit signal arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Processed messages older than this are deleted by the cleanup job.</summary>
    public TimeSpan KeepProcessedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Destinations the in-process broker forwards to mediator notification handlers.</summary>
    public IList<string> BridgedDestinations { get; } = ["domain-events"];

    public string Owner { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: doubling from the initial back-off, capped.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
    }
}
