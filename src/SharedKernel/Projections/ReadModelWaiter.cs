using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.Projections;

/// <summary>
/// Reads one document of a read model, waiting a bounded time for it to reflect a change the caller made
/// (read-your-writes over an eventually consistent projection). It reads again after each commit of this
/// node's projection and at least every <see cref="ReadModelWaitOptions.PollInterval"/>, and stops at
/// <see cref="ReadModelWaitOptions.Timeout"/>. Reads are the store's, so they stay within the ambient tenant:
/// another tenant's document is never seen and is waited for exactly like one that does not exist.
/// </summary>
public sealed class ReadModelWaiter<TDocument>(
    IReadModelStore<TDocument> store, ReadModelCommitSignal<TDocument> commits, ReadModelWaitOptions options, TimeProvider time)
    where TDocument : class, IReadModel
{
    /// <summary>
    /// The document once <paramref name="reached"/> holds for it; otherwise, when the wait runs out, the last
    /// version read (null if there was none). Callers check <paramref name="reached"/> again to tell the two apart.
    /// </summary>
    public async Task<TDocument?> GetWhenAsync(string id, Func<TDocument, bool> reached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var deadline = time.GetUtcNow() + options.Timeout;
        while (true)
        {
            var committed = commits.NextAsync();
            var document = await store.GetAsync(id, cancellationToken);
            if (document is not null && reached(document))
            {
                return document;
            }

            // Stop only once the deadline has passed, so a missing document always costs the whole wait.
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return document;
            }

            await WakeAsync(committed, remaining < options.PollInterval ? remaining : options.PollInterval, cancellationToken);
        }
    }

    private async Task WakeAsync(Task committed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await committed.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll: the projection may have committed on another node.
        }
    }
}
