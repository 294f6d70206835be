using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Notifications;

/// <summary>The behaviour every <see cref="INotificationSender"/> must have. Subclass it and implement <see cref="PortContract{TPort}.CreatePortAsync"/>.</summary>
public abstract class NotificationSenderContractTests : PortContract<NotificationSenderHarness>
{
    [Fact]
    public async Task A_notification_reaches_its_recipient_unchanged_with_its_tenant()
    {
        var tenant = NewTenant();
        var notification = new Notification("email", "ada@example.test", "Order shipped", "Your order 42 is on its way.");
        using (Tenant(tenant))
        {
            await Port.Sender.SendAsync(notification);
        }

        var sent = Assert.Single(await Port.ReadSentAsync());
        Assert.Equal(notification, sent.Notification);
        Assert.Equal(tenant, sent.TenantId);
        Assert.Equal(Time.GetUtcNow(), sent.SentAt);
    }

    [Theory]
    [InlineData("", "ada@example.test")]
    [InlineData("email", "")]
    [InlineData("email", "  ")]
    public async Task A_notification_without_channel_or_recipient_is_refused_and_not_sent(string channel, string recipient)
    {
        using var scope = Tenant(NewTenant());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Port.Sender.SendAsync(new Notification(channel, recipient, "s", "b")));

        Assert.Empty(await Port.ReadSentAsync());
    }

    [Fact]
    public async Task Sending_needs_a_tenant_or_the_system_scope()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.Sender.SendAsync(new Notification("email", "ada@example.test", "s", "b")));

        using (SystemScope())
        {
            await Port.Sender.SendAsync(new Notification("email", "ops@example.test", "Nightly report", "ok"));
        }

        Assert.Null(Assert.Single(await Port.ReadSentAsync()).TenantId);
    }
}
