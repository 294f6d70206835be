using Reference.SharedKernel.InMemory;
using Reference.SharedKernel.Ports;

namespace Reference.TestSupport.Contracts.Notifications;

/// <summary>
/// What an adapter hands to <see cref="NotificationSenderContractTests"/>: the sender, and a way to see
/// what reached the other side (a recording transport, a fake SMTP server, ...), in sending order.
/// </summary>
public sealed class NotificationSenderHarness(INotificationSender sender, Func<Task<IReadOnlyList<SentNotification>>> readSent)
{
    public INotificationSender Sender { get; } = sender;

    public Task<IReadOnlyList<SentNotification>> ReadSentAsync() => readSent();
}
