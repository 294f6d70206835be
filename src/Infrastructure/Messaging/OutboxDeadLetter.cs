namespace Reference.Infrastructure.Messaging;

/// <summary>An outbox message that ran out of attempts, as operators see it (the payload stays in the table).</summary>
public sealed record OutboxDeadLetter(
    Guid MessageId,
    string TenantId,
    string Destination,
    string PartitionKey,
    string Type,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeadLetteredAt);
