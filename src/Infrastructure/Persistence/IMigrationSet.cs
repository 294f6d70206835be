namespace Reference.Infrastructure.Persistence;

/// <summary>
/// One set of schema changes the application depends on (the write side, the tenant store, the
/// audit log, the projection engine...). Readiness asks every registered set what it still lacks,
/// so a new set is covered by registering it; nothing else lists them.
/// </summary>
public interface IMigrationSet
{
    /// <summary>A short stable name, reported by <c>/health/ready</c> (e.g. <c>tenant-store</c>).</summary>
    string Name { get; }

    /// <summary>What is not applied yet, empty when up to date. Throws when the database cannot be reached.</summary>
    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken);
}
