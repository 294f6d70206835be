using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 10 (commands): after a successful command, invalidates the cache tags it names. Inside a
/// unit of work the invalidation waits for the commit (a reader in between would re-cache the old
/// state otherwise); a rolled-back command invalidates nothing.
/// </summary>
public sealed class CacheInvalidationBehaviour<TMessage, TResponse>(ICache cache, IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IInvalidatesCache
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is Result { IsSuccess: false })
        {
            return response;
        }

        var tags = message.CacheTagsToInvalidate;
        if (unitOfWork.IsActive)
        {
            unitOfWork.AfterCommit(ct => InvalidateAsync(tags, ct));
        }
        else
        {
            await InvalidateAsync(tags, cancellationToken);
        }

        return response;
    }

    private async Task InvalidateAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            await cache.InvalidateTagAsync(tag, cancellationToken);
        }
    }
}
