using Reference.SharedKernel.Domain;

namespace Reference.SharedKernel.Ports;

/// <summary>
/// Loads and saves a state-stored aggregate. Saving checks the aggregate's version (optimistic
/// concurrency) and writes its pending domain events to the event log and outbox in the same
/// transaction. Scoped to the ambient tenant: another tenant's aggregate is simply not found.
/// </summary>
public interface IRepository<TAggregate, in TId>
    where TAggregate : AggregateRoot<TId>
    where TId : notnull
{
    Task<TAggregate?> GetAsync(TId id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new aggregate (version 0) or updates an existing one at its loaded version.</summary>
    Task SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default);

    Task DeleteAsync(TAggregate aggregate, CancellationToken cancellationToken = default);
}
