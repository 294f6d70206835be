namespace Reference.SharedKernel.Ports;

/// <summary>Sends a notification (email, SMS, ...) to a person. Implementations pick by channel.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}

public sealed record Notification(string Channel, string Recipient, string Subject, string Body);
