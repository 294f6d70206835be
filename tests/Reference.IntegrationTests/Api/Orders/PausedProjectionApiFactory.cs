using Microsoft.Extensions.DependencyInjection;
using Reference.Features.Orders;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.InMemory.ReadModels;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Api.Orders;

/// <summary>
/// Holds the order summary projection back on demand: while paused, its batches wait before they commit, so the
/// read model lags the streams for as long as a test needs. The deterministic way to read a stale summary.
/// </summary>
public sealed class ProjectionPause
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _released;

    public void Pause()
    {
        lock (_gate)
        {
            _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume()
    {
        TaskCompletionSource? released;
        lock (_gate)
        {
            released = _released;
            _released = null;
        }

        released?.TrySetResult();
    }

    public Task PassAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _released?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
        }
    }
}

/// <summary>The in-memory order summary store, with every commit passing the <see cref="ProjectionPause"/> first.</summary>
public sealed class PausableOrderSummaryStore(IReadModelStore<OrderSummary> inner, ProjectionPause pause) : IReadModelStore<OrderSummary>
{
    public async Task<bool> CommitAsync(ReadModelBatch<OrderSummary> batch, CancellationToken cancellationToken = default)
    {
        await pause.PassAsync(cancellationToken);
        return await inner.CommitAsync(batch, cancellationToken);
    }

    public Task<OrderSummary?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<OrderSummary>> ListAsync(Func<IQueryable<OrderSummary>, IQueryable<OrderSummary>> query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, cancellationToken);

    public Task<int> CountAsync(Func<IQueryable<OrderSummary>, IQueryable<OrderSummary>> filter, CancellationToken cancellationToken = default) =>
        inner.CountAsync(filter, cancellationToken);

    public Task<IReadOnlyDictionary<ReadModelKey, PositionedDocument<OrderSummary>>> LoadAsync(
        int generation, IReadOnlyCollection<ReadModelKey> keys, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(generation, keys, cancellationToken);

    public Task<int> GetServingGenerationAsync(CancellationToken cancellationToken = default) => inner.GetServingGenerationAsync(cancellationToken);

    public Task PrepareGenerationAsync(int generation, CancellationToken cancellationToken = default) => inner.PrepareGenerationAsync(generation, cancellationToken);

    public Task ActivateGenerationAsync(int generation, CancellationToken cancellationToken = default) => inner.ActivateGenerationAsync(generation, cancellationToken);

    public Task<int> PurgeGenerationAsync(int generation, int batchSize, CancellationToken cancellationToken = default) =>
        inner.PurgeGenerationAsync(generation, batchSize, cancellationToken);
}

/// <summary>The application with a pausable order summary projection and a short consistency wait.</summary>
public sealed class PausedProjectionApiFactory : ReferenceApiFactory
{
    public static readonly TimeSpan ConsistencyWait = TimeSpan.FromMilliseconds(1500);

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["ReadModels:ConsistencyWait:Timeout"] = ConsistencyWait.ToString();
        return settings;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<ProjectionPause>();
        services.AddSingleton<InMemoryReadModelStore<OrderSummary>>();

        // A closed registration wins over the store's open generic one.
        services.AddSingleton<IReadModelStore<OrderSummary>>(sp => new PausableOrderSummaryStore(
            sp.GetRequiredService<InMemoryReadModelStore<OrderSummary>>(), sp.GetRequiredService<ProjectionPause>()));
    }
}
