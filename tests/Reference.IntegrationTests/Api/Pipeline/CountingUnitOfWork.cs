using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>Counts the transactions begun through the application's real unit of work.</summary>
public sealed class CountingUnitOfWork(IUnitOfWork inner, UnitOfWorkCounter counter) : IUnitOfWork
{
    public bool IsActive => inner.IsActive;

    public Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default)
    {
        counter.Increment();
        return inner.BeginAsync(cancellationToken);
    }

    public void AfterCommit(Func<CancellationToken, Task> action) => inner.AfterCommit(action);
}

public sealed class UnitOfWorkCounter
{
    private int _begun;

    public int Begun => Volatile.Read(ref _begun);

    public void Increment() => Interlocked.Increment(ref _begun);
}
