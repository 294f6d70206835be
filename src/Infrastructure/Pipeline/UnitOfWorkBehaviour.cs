using System.Diagnostics;
using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 9, the one owner of the transaction: a transactional message runs in one unit of work, and events, state,
/// outbox rows, the idempotency result and the success audit record commit together. Before committing it
/// runs the <see cref="IBeforeCommitHook"/>s (the success audit record); after the commit, the unit of work
/// runs what was queued for then (commit signals, cache invalidation). A failed result or an exception rolls
/// everything back. A nested send joins the transaction already open and only the outermost commit is real.
/// Queries are not <see cref="ITransactional"/>, so they never open a write transaction.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, IEnumerable<IBeforeCommitHook> hooks)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
{
    private readonly IBeforeCommitHook[] _hooks = [.. hooks];

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response is Result { IsSuccess: false })
        {
            return response;
        }

        foreach (var hook in _hooks)
        {
            await hook.BeforeCommitAsync(message, Stopwatch.GetElapsedTime(started), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
