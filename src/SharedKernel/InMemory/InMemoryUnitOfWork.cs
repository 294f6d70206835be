using Reference.SharedKernel.Ports;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IUnitOfWork"/> over an <see cref="InMemoryDatabase"/>: every in-memory adapter on the same
/// database joins the transaction it opens. The transaction belongs to the async flow that began it
/// (and the flows it starts), like a connection-bound database transaction.
/// </summary>
public sealed class InMemoryUnitOfWork(InMemoryDatabase database) : IUnitOfWork
{
    public bool IsActive => database.CurrentTransaction is not null;

    // Not async on purpose: the new transaction must become ambient in the caller's flow (see CreateAmbientTransaction).
    public Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (database.CurrentTransaction is { } active)
        {
            return Task.FromResult<IUnitOfWorkHandle>(new JoinedHandle(active));
        }

        var transaction = database.CreateAmbientTransaction();
        return StartAsync(transaction, cancellationToken);
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var transaction = database.CurrentTransaction
            ?? throw new InvalidOperationException("AfterCommit needs an active unit of work: there is nothing to wait for.");
        transaction.AddAfterCommit(action);
    }

    private static async Task<IUnitOfWorkHandle> StartAsync(InMemoryTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.StartAsync(cancellationToken);
        return new OwnerHandle(transaction);
    }

    private sealed class OwnerHandle(InMemoryTransaction transaction) : IUnitOfWorkHandle
    {
        public bool IsOwner => true;

        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync()
        {
            transaction.Rollback();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A nested begin: the owner decides, so committing or disposing this handle does nothing.</summary>
    private sealed class JoinedHandle(InMemoryTransaction transaction) : IUnitOfWorkHandle
    {
        public bool IsOwner => false;

        public Task CommitAsync(CancellationToken cancellationToken = default) =>
            transaction.IsActive
                ? Task.CompletedTask
                : throw new InvalidOperationException("The unit of work this handle joined has already completed.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
