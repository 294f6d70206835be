namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>One outbox message and its delivery state.</summary>
public sealed class OutboxRow
{
    /// <summary>Insertion order: the delivery order within a partition.</summary>
    public long Sequence { get; set; }

    public Guid MessageId { get; set; }

    public required string TenantId { get; set; }

    /// <summary>The writing transaction (PostgreSQL xid8; 0 on SQLite), for tracing a message to its events.</summary>
    public ulong TransactionId { get; set; }

    public required string Destination { get; set; }

    public required string PartitionKey { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public required string Headers { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }
}
