namespace Reference.SharedKernel.Ports;

/// <summary>
/// Storage for one read model. Every call is scoped to the ambient tenant: writes stamp it,
/// reads and queries filter by it, and another tenant's document is simply not found.
/// </summary>
public interface IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task UpsertAsync(TDocument document, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A query already restricted to the current tenant; compose filters, order and paging on it.</summary>
    IQueryable<TDocument> Query();
}
