using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IMessageBroker"/> inside one process. Publishing stamps the tenant and correlation headers
/// from the ambient context when the message lacks them, then hands the message to every subscriber of
/// its destination, each running in the tenant scope the message names (as a real consumer would restore
/// it). Delivery completes before <see cref="PublishAsync"/> returns; failures reach the publisher.
/// </summary>
public sealed class InMemoryMessageBroker(ITenantContext tenants, ICorrelationContext correlation) : IMessageBroker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Subscription>> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<BrokerMessage> _published = [];

    /// <summary>Every message published so far, in order, as delivered.</summary>
    public IReadOnlyList<BrokerMessage> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    public async Task PublishAsync(BrokerMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Destination);
        var stamped = Stamp(message);
        List<Subscription> subscribers;
        lock (_gate)
        {
            _published.Add(stamped);
            subscribers = _subscriptions.TryGetValue(stamped.Destination, out var list) ? [.. list] : [];
        }

        List<Exception>? failures = null;
        foreach (var subscription in subscribers)
        {
            try
            {
                await DeliverAsync(subscription, stamped, cancellationToken);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"Delivering message {stamped.MessageId} to '{stamped.Destination}' failed.", failures);
        }
    }

    public IAsyncDisposable Subscribe(string destination, Func<BrokerMessage, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, destination, handler);
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(destination, out var list))
            {
                _subscriptions[destination] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    private BrokerMessage Stamp(BrokerMessage message)
    {
        var headers = new Dictionary<string, string>(message.Headers, StringComparer.Ordinal);
        if (!headers.ContainsKey(MessageHeaders.TenantId) && tenants.TenantId is { } tenantId)
        {
            headers[MessageHeaders.TenantId] = tenantId;
        }

        headers.TryAdd(MessageHeaders.CorrelationId, correlation.CorrelationId);
        return message with { Headers = headers };
    }

    private async Task DeliverAsync(Subscription subscription, BrokerMessage message, CancellationToken cancellationToken)
    {
        // The consumer restores the tenant the message names, as an out-of-process consumer would have to.
        using var tenantScope = message.Headers.TryGetValue(MessageHeaders.TenantId, out var tenantId) ? tenants.BeginScope(tenantId) : null;
        using var correlationScope = correlation.BeginScope(message.Headers[MessageHeaders.CorrelationId], message.MessageId.ToString());
        await subscription.Handler(message, cancellationToken);
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(subscription.Destination, out var list))
            {
                list.Remove(subscription);
            }
        }
    }

    private sealed class Subscription(InMemoryMessageBroker broker, string destination, Func<BrokerMessage, CancellationToken, Task> handler)
        : IAsyncDisposable
    {
        public string Destination { get; } = destination;

        public Func<BrokerMessage, CancellationToken, Task> Handler { get; } = handler;

        public ValueTask DisposeAsync()
        {
            broker.Unsubscribe(this);
            return ValueTask.CompletedTask;
        }
    }
}
