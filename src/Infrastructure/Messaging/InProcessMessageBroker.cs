using System.Collections.Immutable;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// A broker inside the process: publishing calls every subscriber of the destination in turn and
/// fails if any of them fails, so the outbox retries the message. A real broker (RabbitMQ, Kafka)
/// replaces it behind the same port.
/// </summary>
public sealed class InProcessMessageBroker : IMessageBroker
{
    private ImmutableDictionary<string, ImmutableList<Func<BrokerMessage, CancellationToken, Task>>> _subscribers =
        ImmutableDictionary.Create<string, ImmutableList<Func<BrokerMessage, CancellationToken, Task>>>(StringComparer.Ordinal);

    public async Task PublishAsync(BrokerMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var handler in Volatile.Read(ref _subscribers).GetValueOrDefault(message.Destination, []))
        {
            await handler(message, cancellationToken);
        }
    }

    public IAsyncDisposable Subscribe(string destination, Func<BrokerMessage, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.AddOrUpdate(ref _subscribers, destination, [handler], (_, list) => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _subscribers, destination, [], (_, list) => list.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }

            return ValueTask.CompletedTask;
        }
    }
}
