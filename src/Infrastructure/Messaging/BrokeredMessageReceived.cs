using Mediator;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// A message from the broker, published to the application's notification handlers with the
/// tenant and correlation of the transaction that wrote it already in the ambient context.
/// </summary>
public sealed record BrokeredMessageReceived(BrokerMessage Message) : INotification;
