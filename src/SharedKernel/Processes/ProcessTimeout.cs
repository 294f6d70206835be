namespace Reference.SharedKernel.Processes;

/// <summary>
/// A deadline on a step. The token names this one scheduling: a timeout that fires after its step completed (or
/// after it was scheduled again) finds no matching entry and does nothing.
/// </summary>
public sealed record ProcessTimeout(string Step, DateTimeOffset DueAt, Guid Token);
