using System.Diagnostics;
using Mediator;
using Reference.Infrastructure.Audit;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Filtering;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 6: one business-intent audit record per auditable message that reached this far. For a
/// transactional message it owns the outermost unit of work, so the success record commits in the
/// same transaction as the business change; the unit-of-work step further in joins it. Rejected
/// and failed attempts are rolled back, then recorded in a transaction of their own.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditRecorder audit, IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IAuditable
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var transaction = message is ITransactional ? await unitOfWork.BeginAsync(cancellationToken) : null;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            await RollBackAsync(transaction);
            var (outcome, reason) = Classify(ex);
            await audit.RecordAsync(message, outcome, reason, Stopwatch.GetElapsedTime(started), CancellationToken.None);
            throw;
        }

        if (response is Result { Error: { } error })
        {
            await RollBackAsync(transaction);
            var outcome = error.Kind == ErrorKind.Forbidden ? AuditOutcome.Denied : AuditOutcome.Rejected;
            await audit.RecordAsync(message, outcome, error.Code, Stopwatch.GetElapsedTime(started), cancellationToken);
            return response;
        }

        try
        {
            await audit.RecordAsync(message, AuditOutcome.Succeeded, null, Stopwatch.GetElapsedTime(started), cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return response;
    }

    // Expected refusals (an invariant, a concurrent writer, a bad list request) are rejections; anything else is a failure.
    private static (AuditOutcome Outcome, string Reason) Classify(Exception exception) => exception switch
    {
        BusinessRuleViolationException rule => (AuditOutcome.Rejected, rule.Code),
        ConcurrencyConflictException => (AuditOutcome.Rejected, "concurrency.conflict"),
        FilterException filter => (AuditOutcome.Rejected, "filter." + filter.Code),
        _ => (AuditOutcome.Failed, exception.GetType().Name),
    };

    // Disposing an uncommitted handle rolls back, before the out-of-band record is written.
    private static async ValueTask RollBackAsync(IUnitOfWorkHandle? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
    }
}
