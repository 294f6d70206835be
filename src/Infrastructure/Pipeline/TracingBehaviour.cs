using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Identity;
using Reference.SharedKernel.Tenancy;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 1 (outermost): one activity and one structured log scope per message, so every log line
/// and span the message causes carries its name, tenant, user and correlation id.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse>(
    ITenantContext tenant,
    ICurrentUser currentUser,
    ICorrelationContext correlation,
    ILogger<TracingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var messageName = MessageNames.Of<TMessage>();
        using var activity = PipelineTelemetry.Source.StartActivity(messageName);
        activity?.SetTag("reference.message", messageName);
        activity?.SetTag("reference.tenant", tenant.TenantId);
        activity?.SetTag("reference.user", currentUser.Principal.UserId);
        activity?.SetTag("reference.correlation_id", correlation.CorrelationId);

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["MessageName"] = messageName,
            ["TenantId"] = tenant.TenantId,
            ["UserId"] = currentUser.Principal.UserId,
            ["CorrelationId"] = correlation.CorrelationId,
        });

        try
        {
            var response = await next(message, cancellationToken);
            if (response is Result { Error: { } error })
            {
                activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            }

            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
