namespace Reference.Infrastructure.Processes;

/// <summary>A row of <c>process_instances</c> as the operator listing reads it (through <see cref="ProcessesDbContext"/>).</summary>
public sealed class ProcessInstanceRow
{
    public string TenantId { get; set; } = "";

    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string CorrelationKey { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Step { get; set; }

    public string? FailureCode { get; set; }

    public string? LastError { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
