namespace Reference.SharedKernel.Processes;

/// <summary>Where a process instance stands. Only <see cref="Running"/> reacts to events and timeouts.</summary>
public enum ProcessStatus
{
    Running,

    /// <summary>It failed; its undo commands (and the commands that report the failure) are still being sent.</summary>
    Compensating,
    Completed,

    /// <summary>It failed and every compensating command has been sent.</summary>
    Failed,
}
