using Mediator;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 5: asks the policy enforcement point whether the current principal holds the message's
/// permission. A denial short-circuits before validation and the handler; the audit step around it
/// records it.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(
    IPolicyEnforcementPoint policies,
    ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IRequirePermission
    where TResponse : IFailureFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var decision = await policies.EvaluateAsync(currentUser.Principal, message.RequiredPermission, cancellationToken);
        if (decision.IsAllowed)
        {
            return await next(message, cancellationToken);
        }

        return TResponse.FromError(Error.Forbidden("authorization.denied", decision.Reason));
    }
}
