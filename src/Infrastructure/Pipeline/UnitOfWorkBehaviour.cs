using System.Diagnostics;
using System.Globalization;
using Mediator;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 9, the one owner of the transaction: a transactional message runs in one unit of work, and events, state,
/// outbox rows, the idempotency result and the success audit record commit together. Before committing it
/// runs the <see cref="IBeforeCommitHook"/>s (the success audit record); after the commit, the unit of work
/// runs what was queued for then (commit signals, cache invalidation). A failed result or an exception rolls
/// everything back. A nested send joins the transaction already open and only the outermost commit is real.
/// Queries are not <see cref="ITransactional"/>, so they never open a write transaction.
/// <para>
/// It also applies the command's <see cref="ConflictPolicy"/> (<see cref="IDeclaresConflictPolicy"/>): a run that loses
/// an optimistic-concurrency race is rolled back and, when the policy allows it, the handler runs again in a fresh
/// unit of work, reloading the aggregate. Everything outside this step (audit, authorization, validation, the
/// idempotency claim) runs once per message; the steps inside it and the before-commit hooks run per attempt, and only
/// the committed attempt leaves a trace. A nested send never retries on its own: the outermost owner decides.
/// </para>
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(
    IUnitOfWork unitOfWork,
    IEnumerable<IBeforeCommitHook> hooks,
    IEventStore? eventStore = null)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private readonly IBeforeCommitHook[] _hooks = [.. hooks];

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var policy = (message as IDeclaresConflictPolicy)?.OnConflict ?? ConflictPolicy.Reject;
        if (policy is RejectOnConflict || unitOfWork.IsActive)
        {
            return await RunOnceAsync(message, next, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(message, next, cancellationToken);
            }
            catch (ConcurrencyConflictException conflict) when (attempt < policy.MaxAttempts)
            {
                if (!await MayRunAgainAsync(policy, conflict, cancellationToken))
                {
                    throw;
                }

                Activity.Current?.AddEvent(new ActivityEvent(
                    "conflict.retry",
                    tags: new ActivityTagsCollection { ["reference.attempt"] = attempt, ["reference.resource"] = conflict.ResourceId }));
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    private async Task<TResponse> RunOnceAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
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

    // A merge runs again only when what the winners appended since this run's load changed none of its fields.
    private async Task<bool> MayRunAgainAsync(ConflictPolicy policy, ConcurrencyConflictException conflict, CancellationToken cancellationToken)
    {
        if (policy is not MergeOnConflict merge)
        {
            return true;
        }

        if (eventStore is null || !long.TryParse(conflict.Expected, NumberStyles.None, CultureInfo.InvariantCulture, out var loadedVersion))
        {
            return false;
        }

        var concurrent = new List<DomainEvent>();
        await foreach (var stored in eventStore.ReadStreamAsync(merge.StreamId, StreamDirection.Forward, loadedVersion + 1, cancellationToken: cancellationToken))
        {
            concurrent.Add(stored.Data);
        }

        return merge.CanMergeWith(concurrent);
    }

    // Full jitter on an exponential ceiling, so the losers of one race do not all collide again on the next run.
    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
