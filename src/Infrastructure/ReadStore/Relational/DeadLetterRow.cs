namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>A row of <c>projection_dead_letters</c>.</summary>
public sealed class DeadLetterRow
{
    public Guid Id { get; set; }

    public string Projection { get; set; } = "";

    public int Generation { get; set; }

    public string TenantId { get; set; } = "";

    public Guid EventId { get; set; }

    public string EventType { get; set; } = "";

    public string StreamId { get; set; } = "";

    public long TransactionId { get; set; }

    public long Position { get; set; }

    public string Error { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset FailedAt { get; set; }

    public DateTimeOffset? RedrivenAt { get; set; }
}
