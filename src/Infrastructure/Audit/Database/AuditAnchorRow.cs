namespace Reference.Infrastructure.Audit.Database;

/// <summary>A row of <c>audit_anchors</c>: the last record retention pruned from a tenant's chain.</summary>
public sealed class AuditAnchorRow
{
    public required string TenantId { get; init; }

    /// <summary>The sequence of the last pruned record; the oldest kept record has the next one.</summary>
    public long Sequence { get; set; }

    /// <summary>The hash of the last pruned record; the oldest kept record names it as its previous hash.</summary>
    public required string Hash { get; set; }

    /// <summary>How many records pruning has removed from this chain so far.</summary>
    public long PrunedCount { get; set; }

    public DateTimeOffset PrunedAt { get; set; }
}
