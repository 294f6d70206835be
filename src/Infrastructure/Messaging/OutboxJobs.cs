using Hangfire;
using Microsoft.Extensions.Options;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Outbox and inbox maintenance run by Hangfire: dead-letter re-drives and batched cleanup. A
/// re-drive runs in the tenant it was enqueued for (<see cref="JobContextFilter"/>), so it can only
/// touch that tenant's dead letters. The inbox is only there with a relational read store.
/// </summary>
public sealed class OutboxJobs(IOutboxMaintenance outbox, IOptions<OutboxDispatcherOptions> options, TimeProvider time, RelationalInbox? inbox = null)
{
    public const string CleanupJobId = "outbox-cleanup";

    private const int CleanupBatch = 1_000;

    [JobDisplayName("Re-drive outbox message {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken) => outbox.RedriveAsync(messageId, cancellationToken);

    [JobDisplayName("Re-drive every outbox dead letter of the tenant")]
    [AutomaticRetry(Attempts = 0)]
    public Task<int> RedriveAllAsync(CancellationToken cancellationToken) => outbox.RedriveAllAsync(cancellationToken);

    [JobDisplayName("Clean up processed outbox and inbox rows")]
    [DisableConcurrentExecution(600)]
    public async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.KeepProcessedFor;
        while (await outbox.PurgeProcessedAsync(before, CleanupBatch, cancellationToken) == CleanupBatch)
        {
        }

        while (inbox is not null && await inbox.PurgeAsync(before, CleanupBatch, cancellationToken) == CleanupBatch)
        {
        }
    }
}
