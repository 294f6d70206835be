namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Operator work on the outbox beyond dispatching: list and re-drive dead letters, and delete
/// processed rows in batches. Scoped to the ambient tenant unless in the system scope.
/// </summary>
public interface IOutboxMaintenance
{
    Task<IReadOnlyList<OutboxDeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Makes a dead-lettered message due again with fresh attempts; false when there is no such dead letter.</summary>
    Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batchSize"/> messages processed before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeProcessedAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken);
}
