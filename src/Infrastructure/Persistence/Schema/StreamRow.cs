namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>One event stream: its type and current version, the row every append checks and bumps.</summary>
public sealed class StreamRow
{
    public required string TenantId { get; set; }

    public required string StreamId { get; set; }

    public required string StreamType { get; set; }

    public long Version { get; set; }

    public bool Archived { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
