namespace Reference.SharedKernel.Ports;

/// <summary>
/// Storage for one read model, kept in generations: one serves reads while a rebuild fills the
/// next, then an atomic switch makes the new one serve.
/// Reads are scoped to the ambient tenant and the serving generation; another tenant's document
/// is simply not found. Projection writes name tenants and generation explicitly (system work)
/// and are guarded by log position, so applying an event twice has no effect.
/// </summary>
public interface IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="query"/> (filter, order, paging) over the current tenant's documents.</summary>
    Task<IReadOnlyList<TDocument>> ListAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query,
        CancellationToken cancellationToken = default);

    Task<int> CountAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> filter,
        CancellationToken cancellationToken = default);

    /// <summary>Loads documents (and tombstones) of any tenant from one generation, with their positions.</summary>
    Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>> LoadAsync(
        int generation,
        IReadOnlyCollection<ReadModelKey> keys,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the position-guarded writes and moves the checkpoint. False when the checkpoint move
    /// was rejected (the caller lost its lease); transactional stores then write nothing.
    /// </summary>
    Task<bool> CommitAsync(ReadModelBatch<TDocument> batch, CancellationToken cancellationToken = default);

    /// <summary>The generation that serves reads (1 until a rebuild switches).</summary>
    Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates whatever a new generation needs (collection, indexes) before a rebuild fills it.</summary>
    Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="generation"/> serve reads, atomically for every reader.</summary>
    Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default);

    /// <summary>Removes up to <paramref name="batchSize"/> documents of a retired generation; returns how many.</summary>
    Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default);
}
