using System.Data.Common;
using Microsoft.Extensions.Logging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Persistence.Sessions;

/// <summary>
/// The unit of work. While one is active in an async flow, it owns a single connection and
/// transaction that the event store, outbox, snapshot store and repositories of that flow all join;
/// otherwise each of their operations runs in a short transaction of its own. The transaction
/// belongs to the flow that began it (and the flows that one starts), like a connection-bound
/// transaction: a parallel flow on the same session works outside it. Inside a unit of work the
/// steps of a use case run one after another, as they must on one connection.
/// </summary>
public sealed partial class PersistenceSession(DatabaseConnector connector, ILogger<PersistenceSession> logger)
    : IUnitOfWork, IAsyncDisposable
{
    private readonly AsyncLocal<ActiveTransaction?> _current = new();
    private readonly List<ActiveTransaction> _opened = [];

    public PersistenceProvider Provider => connector.Provider;

    public bool IsActive => Active is not null;

    private ActiveTransaction? Active => _current.Value is { IsOpen: true } active ? active : null;

    // Not async on purpose: the new transaction must become ambient in the caller's flow, and a value
    // set inside an async method would be gone when it returns.
    public Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (Active is { } active)
        {
            return Task.FromResult<IUnitOfWorkHandle>(new Handle(this, active, isOwner: false));
        }

        var transaction = new ActiveTransaction();
        _current.Value = transaction;
        lock (_opened)
        {
            _opened.Add(transaction);
        }

        return OpenAsync(transaction, cancellationToken);
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var active = Active ?? throw new InvalidOperationException("After-commit actions need an active unit of work to follow.");
        active.AfterCommit.Add(action);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the flow's unit of work commits, or at once when the caller's write
    /// ran in a transaction of its own (already committed). Either way a failing action is logged, never thrown:
    /// the write is durable.
    /// </summary>
    public Task AfterCommitOrNowAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Active is { } active)
        {
            active.AfterCommit.Add(action);
            return Task.CompletedTask;
        }

        return RunAfterCommitAsync([action], cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the flow's unit of work, or in a new transaction committed as
    /// soon as the work succeeds.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Active is { } active)
        {
            return await work(active.Connection!, active.Transaction!, cancellationToken);
        }

        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginWriteTransactionAsync(connection, cancellationToken);
        var result = await work(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs a read in the flow's unit of work (so it sees its own writes), or on a connection of its
    /// own with no explicit transaction: a single statement is consistent by itself.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Active is { } active)
        {
            return await work(active.Connection!, active.Transaction, cancellationToken);
        }

        return await ReadCommittedAsync((connection, ct) => work(connection, null, ct), cancellationToken);
    }

    /// <summary>Runs a read on a connection of its own, outside any unit of work: it sees committed data only.</summary>
    public async Task<T> ReadCommittedAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await work(connection, cancellationToken);
    }

    /// <summary>The flow's unit of work connection and transaction, for EF Core contexts that join it.</summary>
    internal (DbConnection Connection, DbTransaction Transaction)? Current =>
        Active is { } active ? (active.Connection!, active.Transaction!) : null;

    /// <summary>Rolls back whatever a flow of this session left open (a scope disposed mid-use-case).</summary>
    public async ValueTask DisposeAsync()
    {
        ActiveTransaction[] opened;
        lock (_opened)
        {
            opened = [.. _opened];
            _opened.Clear();
        }

        foreach (var transaction in opened.Where(t => t.IsOpen))
        {
            await EndAsync(transaction, commit: false, CancellationToken.None);
        }
    }

    private async Task<IUnitOfWorkHandle> OpenAsync(ActiveTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = connector.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            transaction.Transaction = await connector.BeginWriteTransactionAsync(connection, cancellationToken);
            transaction.Connection = connection;
            return new Handle(this, transaction, isOwner: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CommitAsync(ActiveTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.RollbackOnly)
        {
            await EndAsync(transaction, commit: false, cancellationToken);
            throw new InvalidOperationException("A nested unit of work ended without committing, so the whole unit of work was rolled back.");
        }

        await EndAsync(transaction, commit: true, cancellationToken);
    }

    private async Task EndAsync(ActiveTransaction active, bool commit, CancellationToken cancellationToken)
    {
        var transaction = active.Transaction!;
        var connection = active.Connection!;
        var actions = active.AfterCommit.ToArray();
        active.Close();
        lock (_opened)
        {
            _opened.Remove(active);
        }

        try
        {
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }

        if (commit)
        {
            await RunAfterCommitAsync(actions, cancellationToken);
        }
    }

    private async Task RunAfterCommitAsync(Func<CancellationToken, Task>[] actions, CancellationToken cancellationToken)
    {
        // The transaction is durable: a failing follow-up must not make the caller believe otherwise.
        foreach (var action in actions)
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAfterCommitFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An after-commit action failed; the transaction itself committed.")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception);

    /// <summary>The flow's transaction: set up synchronously by BeginAsync, opened just after.</summary>
    private sealed class ActiveTransaction
    {
        private bool _closed;

        public DbConnection? Connection { get; set; }

        public DbTransaction? Transaction { get; set; }

        public List<Func<CancellationToken, Task>> AfterCommit { get; } = [];

        public bool RollbackOnly { get; set; }

        public bool IsOpen => !_closed && Transaction is not null;

        public void Close() => _closed = true;
    }

    private sealed class Handle(PersistenceSession session, ActiveTransaction transaction, bool isOwner) : IUnitOfWorkHandle
    {
        private bool _completed;

        public bool IsOwner { get; } = isOwner;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_completed || !transaction.IsOpen)
            {
                throw new InvalidOperationException("This unit of work has already completed.");
            }

            _completed = true;
            if (IsOwner)
            {
                await session.CommitAsync(transaction, cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (!IsOwner)
            {
                transaction.RollbackOnly = true;
                return;
            }

            if (transaction.IsOpen)
            {
                await session.EndAsync(transaction, commit: false, CancellationToken.None);
            }
        }
    }
}
