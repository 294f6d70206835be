using System.Collections.Concurrent;
using Reference.SharedKernel.Ports;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Messaging;

/// <summary>
/// The behaviour every <see cref="IMessageBroker"/> must have. Delivery may be asynchronous, so the
/// tests wait for it with a deadline rather than a fixed delay. Subclass it and implement
/// <see cref="PortContract{TPort}.CreatePortAsync"/>.
/// </summary>
public abstract class MessageBrokerContractTests : PortContract<IMessageBroker>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _destination = "contract." + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Every_subscriber_of_a_destination_receives_the_message_and_no_other_destination_does()
    {
        var first = new Received();
        var second = new Received();
        var unrelated = new Received();
        await using var a = Port.Subscribe(_destination, first.Handle);
        await using var b = Port.Subscribe(_destination, second.Handle);
        await using var c = Port.Subscribe(_destination + ".other", unrelated.Handle);
        var message = Message();

        using (Tenant(NewTenant()))
        {
            await Port.PublishAsync(message);
        }

        Assert.Equal(message.MessageId, (await first.WaitForAsync(1, Deadline))[0].Message.MessageId);
        Assert.Equal(message.Payload, (await second.WaitForAsync(1, Deadline))[0].Message.Payload);
        Assert.Empty(unrelated.Messages);
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        var received = new Received();
        var subscription = Port.Subscribe(_destination, received.Handle);
        using var scope = Tenant(NewTenant());
        await Port.PublishAsync(Message());
        await received.WaitForAsync(1, Deadline);

        await subscription.DisposeAsync();
        await Port.PublishAsync(Message());

        var after = new Received();
        await using var probe = Port.Subscribe(_destination, after.Handle);
        await Port.PublishAsync(Message());
        await after.WaitForAsync(1, Deadline);
        Assert.Single(received.Messages);
    }

    [Fact]
    public async Task Consumers_run_in_the_tenant_and_correlation_of_the_publisher()
    {
        var received = new Received();
        await using var subscription = Port.Subscribe(_destination, received.Handle);
        var (tenantA, tenantB) = (NewTenant(), NewTenant());

        using (Tenant(tenantA))
        {
            await Port.PublishAsync(Message("for a"));
        }

        using (Tenant(tenantB))
        {
            await Port.PublishAsync(Message("for b"));
        }

        var deliveries = await received.WaitForAsync(2, Deadline);
        Assert.Equal(tenantA, deliveries.Single(d => d.Message.Payload == "for a").AmbientTenant);
        Assert.Equal(tenantB, deliveries.Single(d => d.Message.Payload == "for b").AmbientTenant);
        Assert.All(deliveries, d => Assert.Equal(d.AmbientTenant, d.Message.Headers[MessageHeaders.TenantId]));
        Assert.All(deliveries, d => Assert.True(d.Message.Headers.ContainsKey(MessageHeaders.CorrelationId)));
    }

    private BrokerMessage Message(string payload = "{}") =>
        new(Guid.NewGuid(), _destination, "contract.message", payload, new Dictionary<string, string>());

    /// <summary>Collects deliveries with the tenant that was ambient while the handler ran.</summary>
    private sealed class Received
    {
        private readonly ConcurrentQueue<(BrokerMessage Message, string? AmbientTenant)> _messages = new();

        public IReadOnlyList<(BrokerMessage Message, string? AmbientTenant)> Messages => [.. _messages];

        public Task Handle(BrokerMessage message, CancellationToken cancellationToken)
        {
            _messages.Enqueue((message, Tenants.TenantId));
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<(BrokerMessage Message, string? AmbientTenant)>> WaitForAsync(int count, TimeSpan deadline)
        {
            using var timeout = new CancellationTokenSource(deadline);
            while (_messages.Count < count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
            }

            return Messages;
        }
    }
}
