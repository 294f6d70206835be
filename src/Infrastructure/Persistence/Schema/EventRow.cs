namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>One stored event. <see cref="TransactionId"/> exists on PostgreSQL only (see the SQLite context).</summary>
public sealed class EventRow
{
    public long GlobalPosition { get; set; }

    public ulong TransactionId { get; set; }

    public required string TenantId { get; set; }

    public required string StreamId { get; set; }

    public long StreamVersion { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public int SchemaVersion { get; set; }

    public required string Data { get; set; }

    public required string Metadata { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public bool Archived { get; set; }
}
