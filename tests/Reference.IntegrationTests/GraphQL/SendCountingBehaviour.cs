using System.Collections.Concurrent;
using Mediator;

namespace Reference.IntegrationTests.GraphQL;

/// <summary>The type name of every message sent through the mediator, in order.</summary>
public sealed class SentMessages
{
    public ConcurrentQueue<string> Types { get; } = new();
}

public sealed class SendCountingBehaviour<TMessage, TResponse>(SentMessages sent) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        sent.Types.Enqueue(typeof(TMessage).Name);
        return next(message, cancellationToken);
    }
}
