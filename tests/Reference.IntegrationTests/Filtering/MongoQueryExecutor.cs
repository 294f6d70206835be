using MongoDB.Driver.Linq;
using Reference.SharedKernel.Filtering;

namespace Reference.IntegrationTests.Filtering;

/// <summary>Runs list queries through the MongoDB driver's async LINQ operators.</summary>
public sealed class MongoQueryExecutor : IQueryExecutor
{
    public static readonly MongoQueryExecutor Instance = new();

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);

    public async Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        await query.ToListAsync(cancellationToken);
}
