namespace Reference.SharedKernel.Processes;

/// <summary>One step of an instance and the command that undoes it, if it has any effect to undo.</summary>
public sealed class ProcessStep
{
    public required string Name { get; init; }

    public ProcessStepStatus Status { get; set; }

    public ProcessCommand? Undo { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }
}

public enum ProcessStepStatus
{
    /// <summary>Its command was sent; the answer has not arrived.</summary>
    Active,
    Completed,

    /// <summary>Its undo command was sent after a later failure.</summary>
    Compensated,
}
