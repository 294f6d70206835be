using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>A command of an instance as stored: pending until it is dispatched (or refused for good).</summary>
public sealed record StoredProcessCommand(
    string TenantId,
    Guid Id,
    Guid InstanceId,
    string ProcessType,
    long Sequence,
    ProcessCommand Command,
    string CorrelationId,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DispatchedAt);

/// <summary>The states of a stored command.</summary>
public static class ProcessCommandStatus
{
    public const string Pending = "Pending";
    public const string Dispatched = "Dispatched";
    public const string Refused = "Refused";
}
