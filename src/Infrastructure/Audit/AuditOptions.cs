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

    /// <summary>
    /// Records read per page when a chain is verified (<c>Audit:VerifyPageSize</c>, 1 to 10,000): verification holds
    /// one page in memory, however long the chain.
    /// </summary>
    public int VerifyPageSize { get; set; } = 500;

    /// <summary>How long records are kept, and how the pruning job removes older ones (<c>Audit:Retention</c>).</summary>
    public AuditRetentionOptions Retention { get; set; } = new();
}

public enum AuditFailurePolicy
{
    FailClosed,
    FailOpen,
}
