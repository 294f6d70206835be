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
/// and span the message causes carries its name, tenant, user and correlation id; and its duration, kind and outcome
/// in <see cref="MessageMetrics"/>.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse>(
    ITenantContext tenant,
    ICurrentUser currentUser,
    ICorrelationContext correlation,
    MessageMetrics metrics,
    ILogger<TracingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string Kind = typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage)) ? "command"
        : typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage)) ? "query"
        : "request";

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

        var started = Stopwatch.GetTimestamp();
        var outcome = "faulted";
        try
        {
            var response = await next(message, cancellationToken);
            outcome = "succeeded";
            if (response is Result { Error: { } error })
            {
                outcome = "rejected";
                activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            }

            activity?.SetTag("reference.outcome", outcome);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetTag("reference.outcome", outcome);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            metrics.Record(messageName, Kind, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
