namespace Reference.SharedKernel.Filtering;

/// <summary>Runs LINQ-to-objects queries (in-memory stores, tests) synchronously.</summary>
public sealed class InMemoryQueryExecutor : IQueryExecutor
{
    public static readonly InMemoryQueryExecutor Instance = new();

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        Task.FromResult(query.Count());

    public Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(query.ToList());
}
