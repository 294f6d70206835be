namespace Reference.SharedKernel.Ports;

/// <summary>
/// One business-intent audit entry: who tried to do what to which resource, and how it ended.
/// The store assigns <see cref="Sequence"/>, <see cref="PreviousHash"/> and <see cref="Hash"/>.
/// </summary>
public sealed record AuditRecord(
    Guid Id,
    DateTimeOffset OccurredAt,
    string TenantId,
    AuditActor Actor,
    string Action,
    AuditResource? Resource,
    AuditOutcome Outcome,
    string? Reason,
    long DurationMs,
    string? CorrelationId,
    string? TraceId)
{
    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? Details { get; init; }

    public long Sequence { get; init; }

    public string? PreviousHash { get; init; }

    public string? Hash { get; init; }
}

public sealed record AuditActor(string UserId, string Name, IReadOnlyList<string> Roles);

public sealed record AuditResource(string Type, string? Id);

public enum AuditOutcome
{
    Succeeded,
    Denied,
    Rejected,
    Failed,
}
