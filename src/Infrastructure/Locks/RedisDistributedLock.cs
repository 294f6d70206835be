using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using StackExchange.Redis;

namespace Reference.Infrastructure.Locks;

/// <summary>
/// <see cref="IDistributedLock"/> on one Redis: the lease is a key with an expiry that holds the holder's id (SET NX
/// PX), and the fencing token an INCR of a companion key taken in the same script, so tokens only grow. Renew and
/// release run as scripts that act only while the key still holds this holder's id.
/// </summary>
public sealed class RedisDistributedLock(IConnectionMultiplexer redis, ITenantContext tenants) : IDistributedLock
{
    private const string KeyPrefix = "reference:lock:";

    private const string AcquireScript = """
        if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return redis.call('incr', KEYS[2])
        end
        return 0
        """;

    private const string RenewScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('pexpire', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('del', KEYS[1])
        end
        return 0
        """;

    public async Task<ILockLease?> TryAcquireAsync(string resource, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var key = KeyPrefix + TenantKeys.Scoped(tenants, resource);
        var holder = Guid.NewGuid().ToString("N");
        var token = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            AcquireScript,
            [key, key + ":fence"],
            [holder, (long)lease.TotalMilliseconds]);
        return token == 0 ? null : new Lease(redis, resource, key, holder, token);
    }

    private sealed class Lease(IConnectionMultiplexer redis, string resource, string key, string holder, long fencingToken) : ILockLease
    {
        public string Resource { get; } = resource;

        public long FencingToken { get; } = fencingToken;

        public async Task<bool> RenewAsync(TimeSpan lease, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
            var renewed = await redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [key], [holder, (long)lease.TotalMilliseconds]);
            return (long)renewed == 1;
        }

        public async ValueTask DisposeAsync() =>
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [holder]);
    }
}
