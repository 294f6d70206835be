using Hangfire;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Messaging;

namespace Reference.Infrastructure.Jobs;

/// <summary>Outbox and inbox maintenance run by Hangfire: dead-letter re-drives and batched cleanup.</summary>
public sealed class OutboxJobs(IOutboxMaintenance outbox, RelationalInbox inbox, IOptions<OutboxDispatcherOptions> options, TimeProvider time)
{
    private const int CleanupBatch = 1_000;

    [JobDisplayName("Re-drive outbox message {0}")]
    [AutomaticRetry(Attempts = 0)]
    public Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken) => outbox.RedriveAsync(messageId, cancellationToken);

    [JobDisplayName("Clean up processed outbox and inbox rows")]
    [DisableConcurrentExecution(600)]
    public async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.KeepProcessedFor;
        while (await outbox.PurgeProcessedAsync(before, CleanupBatch, cancellationToken) == CleanupBatch)
        {
        }

        while (await inbox.PurgeAsync(before, CleanupBatch, cancellationToken) == CleanupBatch)
        {
        }
    }
}
