namespace Reference.SharedKernel.Ports;

/// <summary>A claimed outbox message, leased to one dispatcher until <see cref="LeaseUntil"/>.</summary>
public sealed record OutboxDelivery(
    OutboxMessage Message,
    int Attempts,
    string LeaseOwner,
    DateTimeOffset LeaseUntil);
