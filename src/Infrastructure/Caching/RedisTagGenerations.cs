using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reference.Infrastructure.Caching;

/// <summary>
/// Tag generations in Redis, shared by every node. A stamp is the Redis epoch (a value set when Redis first serves a
/// stamp after starting empty) plus the sum of the tags' counters: when Redis lost its data every older entry is
/// suspect, and the new epoch makes them all miss once. While Redis is down the stamp is unknown (null), so nothing
/// new is stored; a bump that failed is kept and replayed as soon as Redis answers again, so a write during the outage
/// still invalidates the other nodes' entries once it is back.
/// </summary>
public sealed partial class RedisTagGenerations : ITagGenerations
{
    private const string KeyPrefix = "reference:tag-generation:";
    private const string EpochKey = "reference:tag-generation-epoch";

    private const string StampScript = """
        local epoch = redis.call('get', KEYS[1])
        if not epoch then
          local now = redis.call('time')
          epoch = now[1] .. '.' .. now[2]
          redis.call('set', KEYS[1], epoch)
        end
        local sum = 0
        for i = 2, #KEYS do
          sum = sum + tonumber(redis.call('get', KEYS[i]) or '0')
        end
        return epoch .. '/' .. sum
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisTagGenerations> _logger;
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, byte> _pendingBumps = new(StringComparer.Ordinal);
    private long _lastWarning;

    public RedisTagGenerations(IConnectionMultiplexer redis, ILogger<RedisTagGenerations> logger)
    {
        _redis = redis;
        _logger = logger;
        _redis.ConnectionRestored += (_, _) => _ = ReplayPendingBumpsAsync();
    }

    public async Task<string?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken)
    {
        try
        {
            await ReplayPendingBumpsAsync();
            if (!_pendingBumps.IsEmpty)
            {
                return null;
            }

            RedisKey[] keys = [EpochKey, .. scopedTags.Select(tag => (RedisKey)(KeyPrefix + tag))];
            return (string?)await _redis.GetDatabase().ScriptEvaluateAsync(StampScript, keys);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            WarnUnavailable(error);
            return null;
        }
    }

    public async Task BumpAsync(string scopedTag, CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetDatabase().StringIncrementAsync(KeyPrefix + scopedTag);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            _pendingBumps.TryAdd(scopedTag, 0);
            LogBumpDeferred(_logger, scopedTag, error);
        }
    }

    private async Task ReplayPendingBumpsAsync()
    {
        foreach (var tag in _pendingBumps.Keys)
        {
            try
            {
                await _redis.GetDatabase().StringIncrementAsync(KeyPrefix + tag);
                _pendingBumps.TryRemove(tag, out _);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                WarnUnavailable(error);
                return;
            }
        }
    }

    // Once per interval: during an outage every request would otherwise log the same failure.
    private void WarnUnavailable(Exception error)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == 0 || now - last >= (long)WarningInterval.TotalMilliseconds) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogUnavailable(_logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for cache tag generations; the cache serves L1 and the database and stores nothing new")]
    private static partial void LogUnavailable(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable: the invalidation of cache tag {Tag} is replayed when it is back")]
    private static partial void LogBumpDeferred(ILogger logger, string tag, Exception error);
}
