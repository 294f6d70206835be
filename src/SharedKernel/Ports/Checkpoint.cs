using Reference.SharedKernel.Events;

namespace Reference.SharedKernel.Ports;

/// <summary>How far one projection (in one generation of its read model) has read the log.</summary>
public sealed record Checkpoint(string Projection, int Generation, LogPosition Position, string? Owner, DateTimeOffset UpdatedAt);
