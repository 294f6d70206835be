using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reference.Infrastructure.Messaging;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;

namespace Reference.UnitTests.Projections;

public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly OutboxMetrics _metrics = new(new Support.DummyMeterFactory());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAdapters _adapters;
    private readonly InProcessMessageBroker _broker = new(new Reference.SharedKernel.Tenancy.AmbientTenantContext(), new Reference.SharedKernel.Application.AmbientCorrelationContext());
    private readonly List<BrokerMessage> _received = [];

    public OutboxDispatcherTests()
    {
        _adapters = new InMemoryAdapters(new JsonEventSerializer(new EventTypeRegistry()), _time);
        _broker.Subscribe("orders", (message, _) =>
        {
            lock (_received)
            {
                _received.Add(message);
            }

            return FailFor.Contains(message.Type) ? throw new InvalidOperationException($"{message.Type} rejected") : Task.CompletedTask;
        });
    }

    private HashSet<string> FailFor { get; } = [];

    private OutboxDispatcher Dispatcher(string owner, int maxAttempts = 3) => new(
        _adapters.Outbox,
        _broker,
        Options.Create(new OutboxDispatcherOptions { Owner = owner, MaxAttempts = maxAttempts, Lease = TimeSpan.FromSeconds(30), InitialBackoff = TimeSpan.FromSeconds(1) }),
        _time,
        _metrics,
        NullLogger<OutboxDispatcher>.Instance);

    public void Dispose() => _metrics.Dispose();

    private async Task EnqueueAsync(string tenant, string partition, params string[] types)
    {
        using var scope = _adapters.Tenants.BeginScope(tenant);
        await _adapters.Outbox.EnqueueAsync(types
            .Select(t => new OutboxMessage(Guid.NewGuid(), "orders", partition, t, "{}", new Dictionary<string, string> { ["correlation-id"] = "c-1" }))
            .ToList());
    }

    private async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    [Fact]
    public async Task Messages_are_published_once_in_partition_order_with_their_tenant()
    {
        await EnqueueAsync("acme", "order-1", "a1", "a2", "a3");
        await EnqueueAsync("acme", "order-2", "b1");

        await DrainAsync(Dispatcher("node-a"));

        Assert.Equal(["a1", "a2", "a3"], _received.Where(m => m.Type.StartsWith('a')).Select(m => m.Type));
        Assert.Equal(4, _received.Count);
        Assert.All(_received, m => Assert.Equal("acme", m.Headers[MessageHeaders.TenantId]));
        Assert.Equal(0, await Dispatcher("node-a").DispatchOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_holds_its_partition_backs_off_exponentially_and_dead_letters_after_the_last_attempt()
    {
        FailFor.Add("a1");
        await EnqueueAsync("acme", "order-1", "a1", "a2");
        await EnqueueAsync("acme", "order-2", "b1");
        var dispatcher = Dispatcher("node-a", maxAttempts: 3);

        await DrainAsync(dispatcher);
        Assert.Equal(["a1", "b1"], _received.Select(m => m.Type).Order());

        // Not due yet: backing off one second after the first attempt.
        await DrainAsync(dispatcher);
        Assert.Equal(2, _received.Count);

        _time.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(dispatcher);
        Assert.Equal(2, _received.Count(m => m.Type == "a1"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(dispatcher);
        Assert.Equal(2, _received.Count(m => m.Type == "a1"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(dispatcher);
        Assert.Equal(3, _received.Count(m => m.Type == "a1"));

        // Third attempt failed: dead-lettered, and the partition moves on.
        await DrainAsync(dispatcher);
        Assert.Contains(_received, m => m.Type == "a2");
        _time.Advance(TimeSpan.FromHours(1));
        await DrainAsync(dispatcher);
        Assert.Equal(3, _received.Count(m => m.Type == "a1"));
    }

    [Fact]
    public async Task An_expired_lease_hands_the_message_to_another_dispatcher_and_the_zombies_mark_is_rejected()
    {
        await EnqueueAsync("acme", "order-1", "a1");
        var zombieClaim = Assert.Single(await _adapters.Outbox.ClaimAsync("zombie", 10, TimeSpan.FromSeconds(30)));

        Assert.Equal(0, await Dispatcher("node-b").DispatchOnceAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(Dispatcher("node-b"));

        Assert.Single(_received);
        Assert.False(await _adapters.Outbox.CompleteAsync(zombieClaim.Message.MessageId, "zombie"));
        Assert.False(await _adapters.Outbox.FailAsync(zombieClaim.Message.MessageId, "zombie", "late", null));
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_delay_and_is_capped()
    {
        var options = new OutboxDispatcherOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            new[] { 1, 2, 3, 4, 5, 30 }.Select(a => options.BackoffAfter(a).TotalSeconds));
    }
}
