namespace Reference.Infrastructure.Projections;

/// <summary>A single node (or the fallback poll) needs no cross-node signal.</summary>
public sealed class NoCommitNotifier : ICommitNotifier
{
    public Task NotifyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
