using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Subscribes to the configured destinations of the in-process broker and hands each message to
/// mediator notification handlers (<see cref="BrokeredMessageReceived"/>), inside the message's
/// tenant and correlation scope, one DI scope per message.
/// </summary>
public sealed class MediatorNotificationBridge(
    IMessageBroker broker,
    IServiceScopeFactory scopes,
    ITenantContext tenants,
    ICorrelationContext correlation,
    IOptions<OutboxDispatcherOptions> options) : IHostedService
{
    private readonly Lock _gate = new();
    private List<IAsyncDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = options.Value.BridgedDestinations.Select(d => broker.Subscribe(d, DeliverAsync)).ToList();
        lock (_gate)
        {
            _subscriptions = subscriptions;
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop may be called more than once (host and factory disposal): take the list once.
        List<IAsyncDisposable> subscriptions;
        lock (_gate)
        {
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    private async Task DeliverAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        using var tenantScope = message.Headers.TryGetValue(MessageHeaders.TenantId, out var tenantId) && !string.IsNullOrEmpty(tenantId)
            ? tenants.BeginScope(tenantId)
            : null;
        using var correlationScope = correlation.BeginScope(
            message.Headers.GetValueOrDefault(MessageHeaders.CorrelationId) ?? message.MessageId.ToString("N"),
            message.MessageId.ToString("N"));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new BrokeredMessageReceived(message), cancellationToken);
    }
}
