namespace Reference.SharedKernel.Events;

/// <summary>The stream's version after the append, and the log position of its last event.</summary>
public sealed record AppendResult(long NextExpectedVersion, LogPosition LastPosition);
