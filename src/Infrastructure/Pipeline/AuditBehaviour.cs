using System.Diagnostics;
using Mediator;
using Reference.Infrastructure.Audit;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 4, the one place an auditable message's attempt is recorded when it does not succeed: a denial
/// (authorization), a rejection (validation, idempotency, a business rule, a concurrent writer, a bad
/// filter) or a failure. Everything further in has rolled back by then, so the record is written on its
/// own. A transactional message's success is recorded by the unit of work before it commits
/// (<see cref="AuditSuccessHook"/>); any other message's success is recorded here.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditRecorder audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IAuditable
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (AuditUnavailableException)
        {
            // The trail itself refused the record (fail closed): there is nowhere to write another.
            throw;
        }
        catch (Exception ex)
        {
            var (outcome, reason) = Classify(ex);
            await audit.RecordAsync(message, outcome, reason, Stopwatch.GetElapsedTime(started), CancellationToken.None);
            throw;
        }

        if (response is Result { Error: { } error })
        {
            var outcome = error.Kind == ErrorKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Rejected;
            await audit.RecordAsync(message, outcome, error.Code, Stopwatch.GetElapsedTime(started), cancellationToken);
        }
        else if (message is not ITransactional)
        {
            await audit.RecordAsync(message, AuditOutcome.Succeeded, null, Stopwatch.GetElapsedTime(started), cancellationToken);
        }

        return response;
    }

    // Expected refusals (an invariant, a concurrent writer, a bad list request) are rejections; anything else is a failure.
    private static (AuditOutcome Outcome, string Reason) Classify(Exception exception) =>
        ExpectedFailures.TryTranslate(exception, out var error)
            ? (error.Kind == ErrorKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Rejected, error.Code)
            : (AuditOutcome.Failed, exception.GetType().Name);
}
