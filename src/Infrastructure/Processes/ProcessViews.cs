using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>One instance in the operator list.</summary>
public sealed record ProcessSummary(
    Guid Id, string Type, string CorrelationKey, string State, string? Step, string? FailureCode, string? LastError, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One instance in full: its steps, timeouts, history, every command (pending, dispatched or refused) and its last error.</summary>
public sealed record ProcessDetails(
    Guid Id,
    string Type,
    string CorrelationKey,
    string State,
    string? Step,
    string? FailureCode,
    string? LastError,
    long Version,
    string Data,
    IReadOnlyList<ProcessStep> Steps,
    IReadOnlyList<ProcessTimeout> Timeouts,
    IReadOnlyList<ProcessHistoryEntry> History,
    IReadOnlyList<ProcessCommandView> Commands,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record ProcessCommandView(long Sequence, string Name, string Payload, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DispatchedAt);
