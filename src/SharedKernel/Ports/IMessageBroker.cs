namespace Reference.SharedKernel.Ports;

/// <summary>
/// Publishes integration messages to named destinations and delivers them to subscribers.
/// Headers carry tenant, correlation and causation ids so consumers restore the context.
/// </summary>
public interface IMessageBroker
{
    Task PublishAsync(BrokerMessage message, CancellationToken cancellationToken = default);

    /// <summary>Subscribes a handler to a destination until the returned handle is disposed.</summary>
    IAsyncDisposable Subscribe(string destination, Func<BrokerMessage, CancellationToken, Task> handler);
}

public sealed record BrokerMessage(
    Guid MessageId,
    string Destination,
    string Type,
    string Payload,
    IReadOnlyDictionary<string, string> Headers);
