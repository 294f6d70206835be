using Microsoft.EntityFrameworkCore;
using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Filtering;

/// <summary>Runs list queries through EF Core's async operators, so no request thread blocks on the database.</summary>
public sealed class EfCoreQueryExecutor : IQueryExecutor
{
    public static readonly EfCoreQueryExecutor Instance = new();

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.CountAsync(cancellationToken);

    public async Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        await query.ToListAsync(cancellationToken);
}
