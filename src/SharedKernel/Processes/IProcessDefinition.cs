using Reference.SharedKernel.Application;

namespace Reference.SharedKernel.Processes;

/// <summary>
/// A kind of process as the engine drives it, whatever its state type: the events it reacts to (by public type,
/// from the outbox destinations it listens to), how each correlates to an instance, and its handlers. Handlers are
/// pure: they change the instance and decide commands; the engine stores and sends.
/// </summary>
public interface IProcessDefinition
{
    /// <summary>The stable name of the process, e.g. <c>order-fulfilment</c>; the principal is <c>system:process/&lt;type&gt;</c>.</summary>
    string Type { get; }

    /// <summary>The outbox destinations (aggregate types) whose events it needs.</summary>
    IReadOnlyCollection<string> Destinations { get; }

    IReadOnlyCollection<string> MessageTypes { get; }

    /// <summary>The correlation key the message names, or null when this process does not react to it.</summary>
    string? Correlate(ProcessMessage message);

    void Start(ProcessInstance instance, object start, DateTimeOffset now);

    /// <summary>Applies a message to a running instance.</summary>
    void Handle(ProcessInstance instance, ProcessMessage message, DateTimeOffset now);

    /// <summary>Applies a due timeout of <paramref name="step"/> to a running instance.</summary>
    void HandleTimeout(ProcessInstance instance, string step, DateTimeOffset now);

    /// <summary>A command the instance sent was refused for good (not a conflict to retry): usually a failure.</summary>
    void HandleRejection(ProcessInstance instance, ProcessCommand command, Error error, DateTimeOffset now);
}
