namespace Reference.Infrastructure.Projections;

/// <summary>
/// Finds what holds the projection horizon back. Only stores whose global log waits for open transactions have
/// one (PostgreSQL); with none registered nothing can hold it back.
/// </summary>
public interface IProjectionHorizonProbe
{
    /// <summary>The oldest write transaction open in the database, or null when there is none.</summary>
    Task<OpenWriteTransaction?> FindOldestAsync(CancellationToken cancellationToken);
}
