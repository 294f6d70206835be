using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Processes;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Processes;

/// <summary>
/// Subscribes to the outbox destinations the process definitions listen to and feeds each event to the engine in
/// the message's tenant and correlation, one DI scope per message. Delivery is at least once; each instance's inbox
/// makes the effect exactly once. A failure propagates, so the outbox retries the message.
/// </summary>
public sealed class ProcessEventSubscriber(
    IMessageBroker broker,
    ProcessDefinitions definitions,
    IServiceScopeFactory scopes,
    ITenantContext tenants,
    ICorrelationContext correlation) : IHostedService
{
    private readonly Lock _gate = new();
    private List<IAsyncDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = definitions.All
            .SelectMany(d => d.Destinations)
            .Distinct(StringComparer.Ordinal)
            .Select(d => broker.Subscribe(d, DeliverAsync))
            .ToList();
        lock (_gate)
        {
            _subscriptions = subscriptions;
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
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
        if (!definitions.ReactingTo(message.Type).Any())
        {
            return;
        }

        using var tenantScope = message.Headers.TryGetValue(MessageHeaders.TenantId, out var tenantId) && !string.IsNullOrEmpty(tenantId)
            ? tenants.BeginScope(tenantId)
            : null;
        using var correlationScope = correlation.BeginScope(
            message.Headers.GetValueOrDefault(MessageHeaders.CorrelationId) ?? message.MessageId.ToString("N"),
            message.MessageId.ToString("N"));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>()
            .HandleAsync(new ProcessMessage(message.MessageId, message.Type, message.Payload), cancellationToken);
    }
}
