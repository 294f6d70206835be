using System.Text.Json;

namespace Reference.SharedKernel.Processes;

/// <summary>
/// What a definition's handler sees of an instance: its typed state and the decisions it may take (begin or complete
/// a step, send a command, schedule a timeout, complete, fail). Nothing is sent or stored until the handler returns and
/// the engine saves the instance with its new commands in one transaction.
/// </summary>
public sealed class ProcessContext<TState>
    where TState : class, new()
{
    internal ProcessContext(ProcessInstance instance, DateTimeOffset now)
    {
        Instance = instance;
        Now = now;
        State = JsonSerializer.Deserialize<TState>(instance.State, ProcessJson.Options) ?? new TState();
    }

    public ProcessInstance Instance { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The definition's state; changes are saved with the instance.</summary>
    public TState State { get; }

    public string CorrelationKey => Instance.CorrelationKey;

    public bool IsRunning => Instance.Status == ProcessStatus.Running;

    /// <summary>Begins a step, sends its command and remembers what undoes it.</summary>
    public void BeginStep(string name, ProcessCommand command, ProcessCommand? undo = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        Instance.BeginStep(name, undo, Now);
        Instance.Send(command);
    }

    /// <summary>Completes a step (cancelling its timeout); false when it was not active, e.g. a duplicate or late answer.</summary>
    public bool CompleteStep(string name) => Instance.CompleteStep(name, Now);

    public bool IsActive(string step) => Instance.Steps.Exists(s => s.Name == step && s.Status == ProcessStepStatus.Active);

    public void Send(ProcessCommand command) => Instance.Send(command);

    public void ScheduleTimeout(string step, TimeSpan after) => Instance.ScheduleTimeout(step, after, Now);

    public void Complete(params ProcessCommand[] finalCommands)
    {
        foreach (var command in finalCommands)
        {
            Instance.Send(command);
        }

        Instance.Complete(Now);
    }

    /// <summary>Fails the instance: the undos of its steps in reverse order, then <paramref name="report"/>.</summary>
    public void Fail(string code, string reason, params ProcessCommand[] report) => Instance.Fail(code, reason, report, Now);

    public void Note(string what, string? detail = null) => Instance.Record(Now, what, detail);

    internal void SaveState() => Instance.State = JsonSerializer.Serialize(State, ProcessJson.Options);
}
