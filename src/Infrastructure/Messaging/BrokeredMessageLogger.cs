using Mediator;
using Microsoft.Extensions.Logging;

namespace Reference.Infrastructure.Messaging;

/// <summary>Traces every message the broker delivers in-process, so a message with no other consumer is still visible.</summary>
public sealed partial class BrokeredMessageLogger(ILogger<BrokeredMessageLogger> logger) : INotificationHandler<BrokeredMessageReceived>
{
    public ValueTask Handle(BrokeredMessageReceived notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogReceived(notification.Message.Type, notification.Message.MessageId, notification.Message.Destination);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {Type} {MessageId} from {Destination}")]
    private partial void LogReceived(string type, Guid messageId, string destination);
}
