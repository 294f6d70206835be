namespace Reference.SharedKernel.Processes;

/// <summary>
/// One running process: its correlation key, its state (the definition's own, as JSON), its steps with their undo
/// commands, its timeouts and its history. A handler changes it through a <see cref="ProcessContext{TState}"/>; the
/// commands it decides to send are collected in <see cref="Outgoing"/> and stored with it in one transaction.
/// <see cref="Version"/> is the optimistic-concurrency token of the stored row.
/// </summary>
public sealed class ProcessInstance
{
    public required Guid Id { get; init; }

    public required string Type { get; init; }

    public required string CorrelationKey { get; init; }

    public ProcessStatus Status { get; set; }

    /// <summary>The step the instance is in (the last one begun).</summary>
    public string? CurrentStep { get; set; }

    public string State { get; set; } = "{}";

    public List<ProcessStep> Steps { get; init; } = [];

    public List<ProcessTimeout> Timeouts { get; init; } = [];

    public List<ProcessHistoryEntry> History { get; init; } = [];

    /// <summary>The stable code of the failure that ended the instance (e.g. <c>out-of-stock</c>).</summary>
    public string? FailureCode { get; set; }

    public string? LastError { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Commands decided by the handler that is running now, in the order they must be sent.</summary>
    public List<ProcessCommand> Outgoing { get; } = [];

    /// <summary>Timeouts scheduled by the handler that is running now.</summary>
    public List<ProcessTimeout> NewTimeouts { get; } = [];

    public bool IsFinished => Status != ProcessStatus.Running;

    /// <summary>The earliest pending timeout: past it, the recovery job fires it if the scheduler did not.</summary>
    public DateTimeOffset? Deadline => Timeouts.Count == 0 ? null : Timeouts.Min(t => t.DueAt);

    public void Record(DateTimeOffset at, string what, string? detail = null)
    {
        History.Add(new ProcessHistoryEntry(at, what, detail));
        UpdatedAt = at;
    }

    internal void BeginStep(string name, ProcessCommand? undo, DateTimeOffset now)
    {
        EnsureRunning();
        if (Steps.Exists(s => s.Name == name))
        {
            throw new InvalidOperationException($"Process {Type} already has a step '{name}'.");
        }

        Steps.Add(new ProcessStep { Name = name, Status = ProcessStepStatus.Active, Undo = undo, StartedAt = now });
        CurrentStep = name;
        Record(now, $"step {name} begun");
    }

    /// <summary>Marks the step completed and cancels its timeouts; false when it was not active (a duplicate answer).</summary>
    internal bool CompleteStep(string name, DateTimeOffset now)
    {
        var step = Steps.Find(s => s.Name == name);
        if (step is null || step.Status != ProcessStepStatus.Active)
        {
            return false;
        }

        step.Status = ProcessStepStatus.Completed;
        step.EndedAt = now;
        Timeouts.RemoveAll(t => t.Step == name);
        Record(now, $"step {name} completed");
        return true;
    }

    internal void Send(ProcessCommand command)
    {
        EnsureRunning();
        Outgoing.Add(command);
    }

    internal ProcessTimeout ScheduleTimeout(string step, TimeSpan after, DateTimeOffset now)
    {
        EnsureRunning();
        var timeout = new ProcessTimeout(step, now + after, Guid.NewGuid());
        Timeouts.RemoveAll(t => t.Step == step);
        Timeouts.Add(timeout);
        NewTimeouts.Add(timeout);
        return timeout;
    }

    internal void Complete(DateTimeOffset now)
    {
        EnsureRunning();
        Status = ProcessStatus.Completed;
        Timeouts.Clear();
        Record(now, "completed");
    }

    /// <summary>
    /// Ends the instance as failed: sends the undo of every step that took effect or may have (completed or still
    /// active: undo commands are idempotent, so undoing a step that did nothing is harmless), latest first, then
    /// <paramref name="andThen"/> (the commands that report the failure), in that order.
    /// </summary>
    internal void Fail(string code, string reason, IEnumerable<ProcessCommand> andThen, DateTimeOffset now)
    {
        EnsureRunning();
        for (var i = Steps.Count - 1; i >= 0; i--)
        {
            var step = Steps[i];
            if (step.Status == ProcessStepStatus.Compensated)
            {
                continue;
            }

            if (step.Undo is { } undo)
            {
                Outgoing.Add(undo);
                Record(now, $"step {step.Name} compensated", undo.Name);
            }

            step.Status = ProcessStepStatus.Compensated;
            step.EndedAt ??= now;
        }

        Outgoing.AddRange(andThen);
        Timeouts.Clear();
        FailureCode = code;
        LastError = reason;
        Status = ProcessStatus.Compensating;
        Record(now, $"failed: {code}", reason);
    }

    /// <summary>Removes the timeout that fired; true when <paramref name="token"/> names a pending one (false: it came late).</summary>
    public bool TakeTimeout(string step, Guid token)
    {
        var index = Timeouts.FindIndex(t => t.Step == step && t.Token == token);
        if (index < 0)
        {
            return false;
        }

        Timeouts.RemoveAt(index);
        return true;
    }

    private void EnsureRunning()
    {
        if (Status != ProcessStatus.Running)
        {
            throw new InvalidOperationException($"Process {Type}/{CorrelationKey} is {Status}; it cannot change any more.");
        }
    }
}
