using System.Text.Json;
using Reference.SharedKernel.Application;

namespace Reference.SharedKernel.Processes;

/// <summary>
/// The base of a process manager: a start handler, handlers per event type (each with the correlation key it
/// reads from the event), per timeout and for refused commands. Events are read by their public type into the
/// definition's own message records, so a process never references another slice's classes.
/// </summary>
public abstract class ProcessDefinition<TState, TStart> : IProcessDefinition
    where TState : class, new()
    where TStart : class
{
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<ProcessContext<TState>>> _timeouts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _destinations = new(StringComparer.Ordinal);

    protected ProcessDefinition(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
    }

    public string Type { get; }

    public IReadOnlyCollection<string> Destinations => _destinations;

    public IReadOnlyCollection<string> MessageTypes => _routes.Keys;

    public string? Correlate(ProcessMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _routes.TryGetValue(message.Type, out var route) ? route.Correlate(message.Payload) : null;
    }

    public void Start(ProcessInstance instance, object start, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var context = new ProcessContext<TState>(instance, now);
        instance.Record(now, "started");
        Started(context, start as TStart ?? throw new ArgumentException($"{Type} starts from a {typeof(TStart).Name}.", nameof(start)));
        context.SaveState();
    }

    public void Handle(ProcessInstance instance, ProcessMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(message);
        if (!_routes.TryGetValue(message.Type, out var route))
        {
            return;
        }

        Run(instance, now, $"event {message.Type}", context => route.Handle(context, message.Payload));
    }

    public void HandleTimeout(ProcessInstance instance, string step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_timeouts.TryGetValue(step, out var handle))
        {
            Run(instance, now, $"timeout {step}", handle);
        }
    }

    public void HandleRejection(ProcessInstance instance, ProcessCommand command, Error error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        Run(instance, now, $"command {command.Name} refused", context => Rejected(context, command, error), error.Code);
    }

    /// <summary>Begins the instance: usually its first step.</summary>
    protected abstract void Started(ProcessContext<TState> process, TStart start);

    /// <summary>A sent command was refused for good. The default fails the instance with the error's code.</summary>
    protected virtual void Rejected(ProcessContext<TState> process, ProcessCommand command, Error error)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(error);
        process.Fail(error.Code, error.Message);
    }

    /// <summary>Listens to the events of <paramref name="destination"/> (an aggregate type), e.g. <c>Order</c>.</summary>
    protected void ListenTo(string destination) => _destinations.Add(destination);

    protected void On<TMessage>(string messageType, Func<TMessage, string> correlate, Action<ProcessContext<TState>, TMessage> handle)
    {
        ArgumentNullException.ThrowIfNull(correlate);
        ArgumentNullException.ThrowIfNull(handle);
        _routes[messageType] = new Route(
            payload => correlate(Read<TMessage>(payload)),
            (context, payload) => handle(context, Read<TMessage>(payload)));
    }

    protected void OnTimeout(string step, Action<ProcessContext<TState>> handle) => _timeouts[step] = handle;

    private static TMessage Read<TMessage>(string payload) =>
        JsonSerializer.Deserialize<TMessage>(payload, ProcessJson.Options) ?? throw new JsonException($"A {typeof(TMessage).Name} cannot be null.");

    private static void Run(ProcessInstance instance, DateTimeOffset now, string what, Action<ProcessContext<TState>> handle, string? detail = null)
    {
        if (instance.Status != ProcessStatus.Running)
        {
            instance.Record(now, $"{what} ignored", $"the instance is {instance.Status}");
            return;
        }

        instance.Record(now, what, detail);
        var context = new ProcessContext<TState>(instance, now);
        handle(context);
        context.SaveState();
    }

    private sealed record Route(Func<string, string> Correlate, Action<ProcessContext<TState>, string> Handle);
}
