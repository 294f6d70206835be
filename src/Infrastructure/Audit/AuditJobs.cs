using Hangfire;

namespace Reference.Infrastructure.Audit;

/// <summary>Audit maintenance run by Hangfire: retention pruning, visible and retried, never two at once.</summary>
public sealed class AuditJobs(AuditRetentionPruner pruner)
{
    public const string RetentionJobId = "audit-retention";

    [JobDisplayName("Prune audit records past their retention period")]
    [DisableConcurrentExecution(600)]
    public Task PruneAsync(CancellationToken cancellationToken) => pruner.PruneAsync(cancellationToken);
}
