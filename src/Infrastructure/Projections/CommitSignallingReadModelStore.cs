using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Projections;

/// <summary>
/// The store a projection runner writes through: after every batch that commits, readers waiting for a
/// document of this read model (<see cref="ReadModelWaiter{TDocument}"/>) are told to look again.
/// </summary>
public sealed class CommitSignallingReadModelStore<TDocument>(IReadModelStore<TDocument> inner, ReadModelCommitSignal<TDocument> signal)
    : IReadModelStore<TDocument>
    where TDocument : class, IReadModel
{
    public async Task<bool> CommitAsync(ReadModelBatch<TDocument> batch, CancellationToken cancellationToken = default)
    {
        var committed = await inner.CommitAsync(batch, cancellationToken);
        if (committed)
        {
            signal.Notify();
        }

        return committed;
    }

    public Task<TDocument?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<TDocument>> ListAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, cancellationToken);

    public Task<int> CountAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> filter, CancellationToken cancellationToken = default) =>
        inner.CountAsync(filter, cancellationToken);

    public Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<TDocument>>> LoadAsync(
        int generation, IReadOnlyCollection<ReadModelKey> keys, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(generation, keys, cancellationToken);

    public Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default) =>
        inner.GetServingGenerationAsync(cancellationToken);

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default) =>
        inner.PrepareGenerationAsync(generation, cancellationToken);

    public async Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default)
    {
        // Reads switch to another generation of documents: a waiting reader looks at the new one.
        await inner.ActivateGenerationAsync(generation, cancellationToken);
        signal.Notify();
    }

    public Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default) =>
        inner.PurgeGenerationAsync(generation, batchSize, cancellationToken);
}
