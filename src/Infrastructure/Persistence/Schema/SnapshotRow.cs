namespace Reference.Infrastructure.Persistence.Schema;

/// <summary>The latest snapshot of one stream for one snapshot type.</summary>
public sealed class SnapshotRow
{
    public required string TenantId { get; set; }

    public required string StreamId { get; set; }

    public required string SnapshotType { get; set; }

    public long Version { get; set; }

    public int SchemaVersion { get; set; }

    public required string Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
