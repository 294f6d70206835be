using Mediator;
using Reference.Infrastructure.Idempotency;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 11 (innermost), for a transactional command whose idempotency key <see cref="IdempotencyBehaviour{TMessage,TResponse}"/>
/// claimed: stores the command's successful result with the key inside the unit of work, so the key and the
/// business write commit together. A claim that was taken over meanwhile fails the command, and its write rolls back.
/// </summary>
public sealed class IdempotencyCompletionBehaviour<TMessage, TResponse>(IdempotencyClaims claims, IIdempotencyStore store)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is Result { IsSuccess: true } && claims.TryGet(message, out var scope, out var token)
            && !await store.CompleteAsync(scope, token, StoredResults.Write(response), cancellationToken))
        {
            throw new IdempotencyClaimLostException(scope.Key);
        }

        return response;
    }
}
