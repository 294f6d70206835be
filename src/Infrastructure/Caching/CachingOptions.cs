namespace Reference.Infrastructure.Caching;

/// <summary>The <c>Caching</c> section: which cache serves <c>ICache</c> and the defaults of its entries.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary><see cref="CacheProvider.Memory"/> (one node) or <see cref="CacheProvider.Redis"/> (L1 plus Redis L2 and backplane).</summary>
    public string Provider { get; set; } = nameof(CacheProvider.Memory);

    /// <summary>How long a value past its duration may still be served when the factory or Redis fails.</summary>
    public TimeSpan FailSafeMaxDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The fraction of an entry's duration after which a read refreshes it in the background.</summary>
    public float EagerRefreshThreshold { get; set; } = 0.9f;

    /// <summary>How long a Redis call may take before the request goes on without it (L1 and the database serve).</summary>
    public TimeSpan DistributedCacheSoftTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After this, a hanging Redis call is abandoned even when no stale value can be served.</summary>
    public TimeSpan DistributedCacheHardTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a Redis failure, Redis is left alone for this long instead of slowing every request.</summary>
    public TimeSpan CircuitBreakerDuration { get; set; } = TimeSpan.FromSeconds(2);

    public bool TryGetProvider(out CacheProvider provider) =>
        Enum.TryParse(Provider, ignoreCase: true, out provider) && Enum.IsDefined(provider);
}

public enum CacheProvider
{
    Memory,
    Redis,
}
