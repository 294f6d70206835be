namespace Reference.SharedKernel.Ports;

/// <summary>
/// The transactional outbox. Enqueue joins the active unit of work; the dispatcher side claims
/// due messages under a lease, and a completion only counts while the lease is still held
/// (so a worker that stalled past its lease cannot mark work another worker now owns).
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="maxCount"/> due messages, at most one in flight per partition key.</summary>
    Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a message processed; false when the lease was lost.</summary>
    Task<bool> CompleteAsync(Guid messageId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt; the message is retried after <paramref name="retryAt"/> or dead-lettered when null.</summary>
    Task<bool> FailAsync(Guid messageId, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);
}
