namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Runs a composed query asynchronously. SharedKernel cannot reference EF Core or the MongoDB driver, so each
/// store supplies one (EF Core's lives in Infrastructure).
/// </summary>
public interface IQueryExecutor
{
    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
