namespace Reference.SharedKernel.Ports;

/// <summary>
/// A stored audit record as the audit log lists it: the columns a caller may filter and sort on, next to the
/// sealed <see cref="Record"/> itself. Stores keep these columns beside the record; the chain covers the record only.
/// </summary>
public sealed class AuditLogEntry
{
    public required string TenantId { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Action { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public string? Reason { get; init; }

    public required string UserId { get; init; }

    public string? ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public string? CorrelationId { get; init; }

    public required AuditRecord Record { get; init; }

    public static AuditLogEntry From(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditLogEntry
        {
            TenantId = record.TenantId,
            Sequence = record.Sequence,
            OccurredAt = record.OccurredAt,
            Action = record.Action,
            Outcome = record.Outcome,
            Reason = record.Reason,
            UserId = record.Actor.UserId,
            ResourceType = record.Resource?.Type,
            ResourceId = record.Resource?.Id,
            CorrelationId = record.CorrelationId,
            Record = record,
        };
    }
}
