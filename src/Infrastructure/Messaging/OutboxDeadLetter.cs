namespace Reference.Infrastructure.Messaging;

/// <summary>An outbox message that ran out of attempts.</summary>
public sealed record OutboxDeadLetter(
    Guid MessageId,
    string TenantId,
    string Destination,
    string Type,
    int Attempts,
    string? LastError,
    DateTimeOffset DeadLetteredAt);
