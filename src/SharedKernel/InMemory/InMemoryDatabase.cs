using System.Diagnostics.CodeAnalysis;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// The shared store behind the in-memory adapters, standing in for one real database: adapters built
/// on the same instance see each other's data and commit together in one <see cref="InMemoryUnitOfWork"/>.
/// There is one writer at a time (a transaction holds the writer lock until it ends); readers outside a
/// transaction see the last committed state and never wait.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim needs disposing only once its wait handle is used, which it never is here.")]
public sealed class InMemoryDatabase(TimeProvider? timeProvider = null)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly AsyncLocal<InMemoryTransaction?> _ambient = new();
    private InMemoryState _committed = InMemoryState.Empty;

    public TimeProvider Time { get; } = timeProvider ?? TimeProvider.System;

    /// <summary>The transaction the current async flow runs in, if it is still open.</summary>
    public InMemoryTransaction? CurrentTransaction => _ambient.Value is { IsActive: true } transaction ? transaction : null;

    internal InMemoryState Committed => Volatile.Read(ref _committed);

    /// <summary>Reads a table as the caller sees it: its own open transaction's copy, else the committed state.</summary>
    public T Read<T>(InMemoryTable<T> table)
        where T : class => (CurrentTransaction?.State ?? Committed).Get(table);

    /// <summary>
    /// Runs a write in the caller's open transaction, or else in a transaction of its own that
    /// commits at once. The operation is all-or-nothing either way.
    /// </summary>
    public async Task<TResult> WriteAsync<TResult>(Func<InMemoryTransaction, TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (CurrentTransaction is { } ambient)
        {
            return ambient.Execute(operation);
        }

        var own = new InMemoryTransaction(this);
        await own.StartAsync(cancellationToken);
        try
        {
            var result = own.Execute(operation);
            await own.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            own.Rollback();
        }
    }

    /// <summary>
    /// Creates a transaction and makes it the ambient one of the calling flow. Deliberately not an
    /// async method: an async-local set inside an async method would be undone when it returns.
    /// </summary>
    internal InMemoryTransaction CreateAmbientTransaction()
    {
        var transaction = new InMemoryTransaction(this);
        _ambient.Value = transaction;
        return transaction;
    }

    internal Task AcquireWriterAsync(CancellationToken cancellationToken) => _writer.WaitAsync(cancellationToken);

    internal void ReleaseWriter() => _writer.Release();

    internal void Publish(InMemoryState state) => Volatile.Write(ref _committed, state);
}
