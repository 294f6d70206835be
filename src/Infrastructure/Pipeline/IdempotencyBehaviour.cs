using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.Infrastructure.Idempotency;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Idempotency;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 7, for a transactional command whose request carries an idempotency key (<see cref="IdempotentRequest"/>):
/// claims the key for this tenant and principal before anything runs. A key a request already completed with the
/// same request hash answers with that request's stored result (marked replayed) and runs nothing, so it is
/// neither written nor audited twice; a different request under the key is 422 <c>idempotency-key-reused</c>; a
/// request still running with it is waited for (<see cref="IdempotencyOptions.InFlightWait"/>), then 409
/// <c>idempotency-key-in-flight</c>. The result itself is recorded by <see cref="IdempotencyCompletionBehaviour{TMessage,TResponse}"/>
/// inside the business transaction; a request that fails frees its key so a retry runs again.
/// </summary>
public sealed partial class IdempotencyBehaviour<TMessage, TResponse>(
    IdempotentRequest request,
    IdempotencyClaims claims,
    IIdempotencyStore store,
    ITenantContext tenant,
    ICurrentUser currentUser,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencyBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
    where TResponse : IFailureFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (!request.TryTake(out var key, out var requestHash))
        {
            return await next(message, cancellationToken);
        }

        var scope = new IdempotencyScope(tenant.TenantId ?? string.Empty, currentUser.Principal.UserId, key);
        var token = Guid.NewGuid();
        var deadline = time.GetUtcNow() + options.Value.InFlightWait;
        while (true)
        {
            var claim = await store.ClaimAsync(scope, requestHash, token, cancellationToken);
            if (claim.Status == IdempotencyClaimStatus.Claimed)
            {
                break;
            }

            if (!string.Equals(claim.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return TResponse.FromError(IdempotencyErrors.KeyReused());
            }

            if (claim.Status == IdempotencyClaimStatus.Completed)
            {
                request.MarkReplayed();
                return StoredResults.Read<TResponse>(claim.Response);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return TResponse.FromError(IdempotencyErrors.KeyInFlight());
            }

            await Task.Delay(options.Value.PollInterval, time, cancellationToken);
        }

        claims.Hold(message, scope, token);
        try
        {
            var response = await next(message, cancellationToken);
            if (response is Result { IsSuccess: false })
            {
                await ReleaseAsync(scope, token);
            }

            return response;
        }
        catch (IdempotencyClaimLostException)
        {
            // Rolled back further in: the request that took the key over answers for it (and the audit step records the refusal).
            return TResponse.FromError(IdempotencyErrors.KeyInFlight());
        }
        catch
        {
            // Also after an exception from the commit itself: a key whose result did commit is left alone.
            await ReleaseAsync(scope, token);
            throw;
        }
        finally
        {
            claims.Forget(message);
        }
    }

    private async Task ReleaseAsync(IdempotencyScope scope, Guid token)
    {
        try
        {
            await store.ReleaseAsync(scope, token, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The claim then expires after its lease; the request's own failure is what the caller must see.
            LogReleaseFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotency key could not be released after its request failed; it frees itself when its in-flight lease ends.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
