using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reference.Infrastructure.Caching;

/// <summary>
/// Tag generations in Redis (INCR), shared by every node. When Redis is down the stamp is unknown (null), so the
/// caller skips storing rather than risk a stale entry; a failed bump is logged and the tag eviction still runs.
/// </summary>
public sealed partial class RedisTagGenerations(IConnectionMultiplexer redis, ILogger<RedisTagGenerations> logger) : ITagGenerations
{
    private const string KeyPrefix = "reference:tag-generation:";

    public async Task<long?> StampAsync(IReadOnlyList<string> scopedTags, CancellationToken cancellationToken)
    {
        if (scopedTags.Count == 0)
        {
            return 0;
        }

        try
        {
            var values = await redis.GetDatabase().StringGetAsync([.. scopedTags.Select(tag => (RedisKey)(KeyPrefix + tag))]);
            return values.Sum(value => value.HasValue ? (long)value : 0);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            LogUnavailable(logger, error);
            return null;
        }
    }

    public async Task BumpAsync(string scopedTag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().StringIncrementAsync(KeyPrefix + scopedTag);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            LogUnavailable(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for cache tag generations; caching goes on without storing new entries")]
    private static partial void LogUnavailable(ILogger logger, Exception error);
}
