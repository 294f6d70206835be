using System.Data.Common;
using Microsoft.Extensions.Logging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Persistence.Sessions;

/// <summary>
/// The scoped unit of work. While one is active, it owns a single connection and transaction that
/// the event store, outbox, snapshot store and repositories all join; otherwise each of their
/// operations runs in a short transaction of its own. Not thread-safe inside a unit of work, like
/// the connection it holds: a use case runs its steps one after another.
/// </summary>
public sealed partial class PersistenceSession(DatabaseConnector connector, ILogger<PersistenceSession> logger)
    : IUnitOfWork, IAsyncDisposable
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private bool _rollbackOnly;

    public PersistenceProvider Provider => connector.Provider;

    public bool IsActive => _transaction is not null;

    public async Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (IsActive)
        {
            return new Handle(this, isOwner: false);
        }

        var connection = connector.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            _transaction = await connector.BeginWriteTransactionAsync(connection, cancellationToken);
            _connection = connection;
            _rollbackOnly = false;
            return new Handle(this, isOwner: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!IsActive)
        {
            throw new InvalidOperationException("After-commit actions need an active unit of work to follow.");
        }

        _afterCommit.Add(action);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the active unit of work's transaction, or in a new transaction
    /// committed as soon as the work succeeds.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return await work(_connection!, _transaction, cancellationToken);
        }

        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginWriteTransactionAsync(connection, cancellationToken);
        var result = await work(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs a read in the active unit of work (so it sees its own writes), or on a connection of its
    /// own with no explicit transaction: a single statement is consistent by itself.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return await work(_connection!, _transaction, cancellationToken);
        }

        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await work(connection, null, cancellationToken);
    }

    /// <summary>Runs a read on a connection of its own, outside any unit of work: it sees committed data only.</summary>
    public async Task<T> ReadCommittedAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await work(connection, cancellationToken);
    }

    /// <summary>The active unit of work's connection and transaction, for EF Core contexts that join it.</summary>
    internal (DbConnection Connection, DbTransaction Transaction)? Current =>
        _transaction is null ? null : (_connection!, _transaction);

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await EndAsync(commit: false, CancellationToken.None);
        }
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_rollbackOnly)
        {
            await EndAsync(commit: false, cancellationToken);
            throw new InvalidOperationException("A nested unit of work ended without committing, so the whole unit of work was rolled back.");
        }

        await EndAsync(commit: true, cancellationToken);
    }

    private async Task EndAsync(bool commit, CancellationToken cancellationToken)
    {
        var transaction = _transaction!;
        var connection = _connection!;
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        _transaction = null;
        _connection = null;
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

    private sealed class Handle(PersistenceSession session, bool isOwner) : IUnitOfWorkHandle
    {
        private bool _completed;

        public bool IsOwner { get; } = isOwner;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            _completed = true;
            if (IsOwner)
            {
                await session.CommitAsync(cancellationToken);
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
                session._rollbackOnly = true;
                return;
            }

            if (session.IsActive)
            {
                await session.EndAsync(commit: false, CancellationToken.None);
            }
        }
    }
}
