using Mediator;
using Reference.Infrastructure.Audit;
using Reference.Infrastructure.Identity.Authorization;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 3: asks the policy enforcement point whether the current principal holds the message's
/// permission. A denial short-circuits before validation and the handler, and is audited here
/// because the audit step further in never sees the message.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(
    IPolicyEnforcementPoint policies,
    ICurrentUser currentUser,
    IAuditRecorder audit)
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

        var error = Error.Forbidden("authorization.denied", decision.Reason);
        if (message is IAuditable auditable)
        {
            await audit.RecordAsync(auditable, AuditOutcome.Denied, error.Code, TimeSpan.Zero, cancellationToken);
        }

        return TResponse.FromError(error);
    }
}
