using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 8: a transactional message runs in one unit of work: events, state, outbox
/// and audit rows commit together. A nested send (or the audit step) already holds one, and this
/// step joins it; only the owner's commit is real. A failed result rolls back like an exception.
/// Queries are not <see cref="ITransactional"/>, so they never open a write transaction.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response is not Result { IsSuccess: false })
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return response;
    }
}
