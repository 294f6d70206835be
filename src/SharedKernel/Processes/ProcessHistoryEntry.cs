namespace Reference.SharedKernel.Processes;

/// <summary>What happened to an instance, for operators: an event, a timeout, a rejected command, a decision.</summary>
public sealed record ProcessHistoryEntry(DateTimeOffset At, string What, string? Detail = null);
