using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Moves committed outbox messages to the broker. A pass claims due messages under a lease (the
/// outbox hands out at most one message per partition key, so a partition stays in order and
/// stops at its first failure), publishes each, and marks it processed — which only counts while
/// the lease is still held, so a dispatcher that stalled past its lease cannot complete work that
/// another has taken over. Failures back off exponentially and are dead-lettered after the last attempt.
/// Delivery is at least once: consumers make it exactly-once with the inbox.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutbox outbox,
    IMessageBroker broker,
    IOptions<OutboxDispatcherOptions> options,
    TimeProvider time,
    OutboxMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The outbox partition a message was published from.</summary>
    public const string PartitionKeyHeader = "partition-key";

    private readonly OutboxDispatcherOptions _options = options.Value;

    public string Owner => _options.Owner;

    /// <summary>One claim-publish-complete pass; returns how many messages were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var deliveries = await outbox.ClaimAsync(_options.Owner, _options.BatchSize, _options.Lease, cancellationToken);
        foreach (var delivery in deliveries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DeliverAsync(delivery, cancellationToken);
        }

        return deliveries.Count;
    }

    private async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var message = delivery.Message;
        try
        {
            await broker.PublishAsync(ToBrokerMessage(message), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var retryAt = delivery.Attempts >= _options.MaxAttempts ? (DateTimeOffset?)null : time.GetUtcNow() + _options.BackoffAfter(delivery.Attempts);
            LogPublishFailed(message.MessageId, delivery.Attempts, retryAt, ex);
            metrics.Failed(message.Destination, deadLettered: retryAt is null);
            if (!await outbox.FailAsync(message.MessageId, _options.Owner, ex.Message, retryAt, cancellationToken))
            {
                LogLeaseLost(message.MessageId);
            }

            return;
        }

        metrics.Published(message.Destination);
        if (!await outbox.CompleteAsync(message.MessageId, _options.Owner, cancellationToken))
        {
            // Another dispatcher owns it now and will publish it again: consumers dedupe through the inbox.
            LogLeaseLost(message.MessageId);
        }
    }

    private static BrokerMessage ToBrokerMessage(OutboxMessage message)
    {
        var headers = new Dictionary<string, string>(message.Headers, StringComparer.Ordinal)
        {
            [PartitionKeyHeader] = message.PartitionKey,
        };
        if (message.TenantId is not null)
        {
            headers[MessageHeaders.TenantId] = message.TenantId;
        }

        return new BrokerMessage(message.MessageId, message.Destination, message.Type, message.Payload, headers);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed (attempt {Attempt}); retry at {RetryAt} (none: dead-lettered)")]
    private partial void LogPublishFailed(Guid messageId, int attempt, DateTimeOffset? retryAt, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: lease lost before it could be marked; another dispatcher owns it")]
    private partial void LogLeaseLost(Guid messageId);
}
