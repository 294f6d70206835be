namespace Reference.SharedKernel.Ports;

/// <summary>
/// A message to publish once the transaction that wrote it commits. Messages with the same
/// partition key are delivered in order, one at a time.
/// </summary>
public sealed record OutboxMessage(
    Guid MessageId,
    string Destination,
    string PartitionKey,
    string Type,
    string Payload,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Set by the outbox from the ambient tenant when the message is enqueued.</summary>
    public string? TenantId { get; init; }
}
