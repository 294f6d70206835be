using Reference.SharedKernel.Ports;

namespace Reference.Web.Interim;

/// <summary>
/// Unit of work for process-local adapters, one per scope: it tracks ownership and nesting and runs
/// after-commit actions, but has no transaction to roll back (in-memory writes apply at once).
/// </summary>
public sealed class InMemoryUnitOfWork : IUnitOfWork
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private int _depth;

    public bool IsActive => _depth > 0;

    public Task<IUnitOfWorkHandle> BeginAsync(CancellationToken cancellationToken = default)
    {
        _depth++;
        return Task.FromResult<IUnitOfWorkHandle>(new Handle(this, isOwner: _depth == 1));
    }

    public void AfterCommit(Func<CancellationToken, Task> action)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("No unit of work is active.");
        }

        _afterCommit.Add(action);
    }

    private sealed class Handle(InMemoryUnitOfWork owner, bool isOwner) : IUnitOfWorkHandle
    {
        private bool _done;

        public bool IsOwner { get; } = isOwner;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (!IsOwner)
            {
                return;
            }

            Release();
            var actions = owner._afterCommit.ToArray();
            owner._afterCommit.Clear();
            foreach (var action in actions)
            {
                await action(cancellationToken);
            }
        }

        public ValueTask DisposeAsync()
        {
            if (!_done && IsOwner)
            {
                owner._afterCommit.Clear();
            }

            Release();
            return ValueTask.CompletedTask;
        }

        private void Release()
        {
            if (!_done)
            {
                _done = true;
                owner._depth--;
            }
        }
    }
}
