using Mediator;
using Reference.SharedKernel.Application;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 2: the one failure channel. An exception with an expected meaning thrown further in (by a rule,
/// the event store, the filter module, the audit trail) becomes the message's failed <see cref="Result"/>
/// (<see cref="ExpectedFailures"/>), after the unit of work has rolled back and the audit step has recorded it.
/// What remains an exception is unexpected, and the HTTP edge answers it with a 500 that reveals nothing.
/// </summary>
public sealed class ExpectedFailureBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailureFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ExpectedFailures.TryTranslate(ex, out var error))
        {
            return TResponse.FromError(error);
        }
    }
}
