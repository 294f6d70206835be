using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Messaging;

/// <summary>
/// Operator work on the outbox beyond dispatching: list and re-drive dead letters, and delete
/// processed rows in batches. Dead letters are scoped to the ambient tenant (the system scope
/// sees every tenant; no tenant at all fails closed); the cleanup is cross-tenant housekeeping.
/// </summary>
public interface IOutboxMaintenance
{
    /// <summary>A page of dead letters, filtered, sorted and paged by the filter module (<see cref="OutboxDeadLetterFields"/>).</summary>
    /// <exception cref="FilterException">An invalid filter, sort, paging or cursor.</exception>
    Task<PagedResult<OutboxDeadLetter>> ListDeadLettersAsync(ListQuery query, CancellationToken cancellationToken);

    Task<OutboxDeadLetter?> FindDeadLetterAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Makes a dead-lettered message due again with fresh attempts; false when there is no such dead letter.</summary>
    Task<bool> RedriveAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Makes every dead letter due again; returns how many.</summary>
    Task<int> RedriveAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batchSize"/> messages processed before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeProcessedAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken);
}
