namespace Reference.SharedKernel.Ports;

/// <summary>
/// Where a tenant's chain starts after retention pruned its oldest records: the sequence and hash of the last
/// pruned record. Verification continues from it, so the remaining records still prove they are unbroken.
/// </summary>
public sealed record AuditChainAnchor(long Sequence, string Hash);
