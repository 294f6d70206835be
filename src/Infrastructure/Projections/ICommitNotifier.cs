namespace Reference.Infrastructure.Projections;

/// <summary>Tells other nodes that new events were committed.</summary>
public interface ICommitNotifier
{
    Task NotifyAsync(CancellationToken cancellationToken);
}
