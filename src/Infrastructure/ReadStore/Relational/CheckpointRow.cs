namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>A row of <c>projection_checkpoints</c>: one per (projection, generation), also the worker's lease.</summary>
public sealed class CheckpointRow
{
    public string Projection { get; set; } = "";

    public int Generation { get; set; }

    public long TransactionId { get; set; }

    public long Position { get; set; }

    public string Status { get; set; } = "";

    public string? Owner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long EventsProcessed { get; set; }

    public string? LastError { get; set; }

    public long? RebuildTotal { get; set; }
}
