namespace Reference.SharedKernel.Ports;

/// <summary>
/// One transaction around a use case: events, state changes, outbox and audit rows commit
/// together or not at all. Beginning while a unit of work is active joins it (nested sends),
/// and only the outermost commit is real. Actions registered with <see cref="AfterCommit"/> run
/// once the outermost transaction has committed, never after a rollback.
/// </summary>
public interface IUnitOfWork
{
    bool IsActive { get; }

    /// <summary>Begins (or joins) the unit of work. Disposing the handle without committing rolls back.</summary>
    Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default);

    void AfterCommit(Func<CancellationToken, Task> action);
}

/// <summary>The caller's handle on a unit of work it began or joined.</summary>
public interface IUnitOfWorkHandle : IAsyncDisposable
{
    /// <summary>True for the handle that owns the transaction; false for one that joined it.</summary>
    bool IsOwner { get; }

    Task CommitAsync(CancellationToken cancellationToken = default);
}
