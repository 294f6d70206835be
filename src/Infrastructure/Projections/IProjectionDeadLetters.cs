namespace Reference.Infrastructure.Projections;

/// <summary>Dead letters of projections. Adding the same (projection, generation, event) twice keeps one row.</summary>
public interface IProjectionDeadLetters
{
    Task AddAsync(ProjectionDeadLetter deadLetter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Dead letters in log order, of one projection (or all), of one tenant (or, for platform operators and
    /// re-drives, every tenant: <paramref name="tenantId"/> null).
    /// </summary>
    Task<IReadOnlyList<ProjectionDeadLetter>> ListAsync(
        string? projection, bool includeRedriven, int limit, string? tenantId = null, CancellationToken cancellationToken = default);

    Task<ProjectionDeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Marks the dead letter re-driven; false when it already was (another re-drive won).</summary>
    Task<bool> MarkRedrivenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
