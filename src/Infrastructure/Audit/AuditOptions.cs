namespace Reference.Infrastructure.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// What happens when the audit store cannot be written. <see cref="AuditFailurePolicy.FailClosed"/>
    /// (the default) fails the command: no business change without its audit record.
    /// </summary>
    public AuditFailurePolicy FailurePolicy { get; set; } = AuditFailurePolicy.FailClosed;

    /// <summary>How long records are kept, and how the pruning job removes older ones (<c>Audit:Retention</c>).</summary>
    public AuditRetentionOptions Retention { get; set; } = new();
}

public enum AuditFailurePolicy
{
    FailClosed,
    FailOpen,
}
