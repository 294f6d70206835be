namespace Reference.SharedKernel.InMemory;

/// <summary>
/// A write transaction on an <see cref="InMemoryDatabase"/>. It holds the database's single writer
/// lock for its whole life (like SQLite), works on a private copy of the state, and publishes that
/// copy atomically on commit. Until then nobody else sees its writes; a rollback simply drops the copy.
/// </summary>
public sealed class InMemoryTransaction
{
    private readonly InMemoryDatabase _database;
    private readonly Lock _gate = new();
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private InMemoryState _state = InMemoryState.Empty;
    private TransactionStatus _status = TransactionStatus.Pending;

    internal InMemoryTransaction(InMemoryDatabase database) => _database = database;

    private enum TransactionStatus
    {
        Pending,
        Active,
        Committed,
        RolledBack,
    }

    /// <summary>The id the commit will carry; events written by this transaction are stamped with it.</summary>
    public long TransactionId => _state.LastTransactionId;

    internal bool IsActive => _status == TransactionStatus.Active;

    internal InMemoryState State => _state;

    /// <summary>Reads a table as this transaction sees it, including its own uncommitted writes.</summary>
    public T Get<T>(InMemoryTable<T> table)
        where T : class => _state.Get(table);

    /// <summary>Replaces a table's value in this transaction's private copy.</summary>
    public void Set<T>(InMemoryTable<T> table, T value)
        where T : class => _state = _state.With(table, value);

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _database.AcquireWriterAsync(cancellationToken);
        }
        catch
        {
            _status = TransactionStatus.RolledBack;
            throw;
        }

        _state = _database.Committed.WithTransactionId(_database.Committed.LastTransactionId + 1);
        _status = TransactionStatus.Active;
    }

    /// <summary>
    /// Runs one operation against the private copy. An operation that throws leaves no trace,
    /// so a failed write inside a unit of work does not poison the writes before it.
    /// </summary>
    internal TResult Execute<TResult>(Func<InMemoryTransaction, TResult> operation)
    {
        lock (_gate)
        {
            if (!IsActive)
            {
                throw new InvalidOperationException("The transaction has already completed.");
            }

            var before = _state;
            try
            {
                return operation(this);
            }
            catch
            {
                _state = before;
                throw;
            }
        }
    }

    internal void AddAfterCommit(Func<CancellationToken, Task> action)
    {
        lock (_gate)
        {
            _afterCommit.Add(action);
        }
    }

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!IsActive)
            {
                throw new InvalidOperationException("The transaction has already completed.");
            }

            _database.Publish(_state);
            _status = TransactionStatus.Committed;
            _database.ReleaseWriter();
        }

        await RunAfterCommitAsync(cancellationToken);
    }

    internal void Rollback()
    {
        lock (_gate)
        {
            if (!IsActive)
            {
                return;
            }

            _status = TransactionStatus.RolledBack;
            _afterCommit.Clear();
            _database.ReleaseWriter();
        }
    }

    private async Task RunAfterCommitAsync(CancellationToken cancellationToken)
    {
        // Every action gets its chance even if an earlier one fails; the commit itself stands either way.
        List<Exception>? failures = null;
        foreach (var action in _afterCommit)
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        _afterCommit.Clear();
        if (failures is not null)
        {
            throw new AggregateException("One or more after-commit actions failed.", failures);
        }
    }
}
