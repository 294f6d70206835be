using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 3: a tenant-scoped message never runs without a tenant, whatever sent it (HTTP, a job, a
/// CLI command). The system scope is not a tenant: cross-tenant work uses messages that are not tenant-scoped.
/// </summary>
public sealed class TenancyBehaviour<TMessage, TResponse>(ITenantContext tenant) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITenantScoped
    where TResponse : IFailureFactory<TResponse>
{
    public static readonly Error TenantRequired =
        new("tenant.required", "This operation needs a tenant and none was resolved.", ErrorKind.Validation);

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken) =>
        tenant.TenantId is null
            ? ValueTask.FromResult(TResponse.FromError(TenantRequired))
            : next(message, cancellationToken);
}
