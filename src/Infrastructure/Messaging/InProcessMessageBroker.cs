using System.Collections.Immutable;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// A broker inside the process: publishing stamps the tenant and correlation headers from the ambient context when
/// the message lacks them, then calls every subscriber of the destination in turn, each in the tenant and
/// correlation the message names (as an out-of-process consumer would restore them), and fails if any of them
/// fails, so the outbox retries the message. A real broker (RabbitMQ, Kafka) replaces it behind the same port.
/// </summary>
public sealed class InProcessMessageBroker(ITenantContext tenants, ICorrelationContext correlation) : IMessageBroker
{
    private ImmutableDictionary<string, ImmutableList<Func<BrokerMessage, CancellationToken, Task>>> _subscribers =
        ImmutableDictionary.Create<string, ImmutableList<Func<BrokerMessage, CancellationToken, Task>>>(StringComparer.Ordinal);

    public async Task PublishAsync(BrokerMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stamped = Stamp(message);
        foreach (var handler in Volatile.Read(ref _subscribers).GetValueOrDefault(stamped.Destination, []))
        {
            using var tenantScope = stamped.Headers.TryGetValue(MessageHeaders.TenantId, out var tenantId) && tenantId.Length > 0
                ? tenants.BeginScope(tenantId)
                : null;
            using var correlationScope = correlation.BeginScope(stamped.Headers[MessageHeaders.CorrelationId], stamped.MessageId.ToString("N"));
            await handler(stamped, cancellationToken);
        }
    }

    public IAsyncDisposable Subscribe(string destination, Func<BrokerMessage, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.AddOrUpdate(ref _subscribers, destination, [handler], (_, list) => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _subscribers, destination, [], (_, list) => list.Remove(handler)));
    }

    private BrokerMessage Stamp(BrokerMessage message)
    {
        if (message.Headers.ContainsKey(MessageHeaders.CorrelationId)
            && (message.Headers.ContainsKey(MessageHeaders.TenantId) || tenants.TenantId is null))
        {
            return message;
        }

        var headers = new Dictionary<string, string>(message.Headers, StringComparer.Ordinal);
        if (!headers.ContainsKey(MessageHeaders.TenantId) && tenants.TenantId is { } tenantId)
        {
            headers[MessageHeaders.TenantId] = tenantId;
        }

        headers.TryAdd(MessageHeaders.CorrelationId, correlation.CorrelationId);
        return message with { Headers = headers };
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
