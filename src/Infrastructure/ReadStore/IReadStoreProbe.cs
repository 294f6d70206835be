namespace Reference.Infrastructure.ReadStore;

/// <summary>Asks the configured read store whether it answers; registered by each out-of-process provider.</summary>
public interface IReadStoreProbe
{
    /// <summary>Completes when the store answered; throws (or is cancelled) when it did not.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
