using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IDistributedLock"/> in memory, with lease semantics: a lease that runs out (by the given
/// clock) frees the lock for others, and a holder whose lease ran out can neither renew nor release it.
/// Resource names are per tenant unless taken in the system scope.
/// </summary>
public sealed class InMemoryDistributedLock(ITenantContext tenants, TimeProvider? timeProvider = null) : IDistributedLock
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Holder> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fencingTokens = new(StringComparer.Ordinal);

    public Task<ILockLease?> TryAcquireAsync(string resource, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var key = TenantKeys.Scoped(tenants, resource);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_holders.TryGetValue(key, out var holder) && holder.ExpiresAt > now)
            {
                return Task.FromResult<ILockLease?>(null);
            }

            var token = Guid.NewGuid();
            var fencingToken = _fencingTokens.GetValueOrDefault(key) + 1;
            _fencingTokens[key] = fencingToken;
            _holders[key] = new Holder(token, now + lease);
            return Task.FromResult<ILockLease?>(new Lease(this, resource, key, token, fencingToken));
        }
    }

    private bool Renew(string key, Guid token, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_holders.TryGetValue(key, out var holder) || holder.Token != token || holder.ExpiresAt <= now)
            {
                return false;
            }

            _holders[key] = holder with { ExpiresAt = now + lease };
            return true;
        }
    }

    private void Release(string key, Guid token)
    {
        lock (_gate)
        {
            // Only the current holder releases; a stale lease must not free a lock someone else now holds.
            if (_holders.TryGetValue(key, out var holder) && holder.Token == token)
            {
                _holders.Remove(key);
            }
        }
    }

    private sealed record Holder(Guid Token, DateTimeOffset ExpiresAt);

    private sealed class Lease(InMemoryDistributedLock owner, string resource, string key, Guid token, long fencingToken) : ILockLease
    {
        public string Resource { get; } = resource;

        public long FencingToken { get; } = fencingToken;

        public Task<bool> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default) =>
            Task.FromResult(owner.Renew(key, token, lease));

        public ValueTask DisposeAsync()
        {
            owner.Release(key, token);
            return ValueTask.CompletedTask;
        }
    }
}
