using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Persistence;

/// <summary>
/// An <see cref="ISchemaMigration"/> backed by one EF Core migration set: migrates it with the write side
/// and reports what it still lacks to readiness. <paramref name="createContext"/> opens a short-lived
/// context on the write side's database.
/// </summary>
public abstract class DbContextSchemaMigration(string name, Func<DbContext> createContext) : ISchemaMigration
{
    public string Name => name;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        await context.Database.MigrateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
