using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reference.SharedKernel.Ports;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace Reference.Infrastructure.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ICache"/> on FusionCache (section <c>Caching</c>, validated at start-up): <c>Caching:Provider</c> =
    /// <c>Memory</c> (default: in-process, one node) or <c>Redis</c> (in-process L1, Redis L2 at
    /// <c>ConnectionStrings:Redis</c> and a Redis backplane, so a write on one node evicts every node's L1). Either way
    /// stampede protection, eager refresh and fail-safe are on: a Redis outage is logged and served from L1 and the
    /// database, never failed. Registered as the <see cref="ICache"/> in place of any earlier one.
    /// </summary>
    public static IServiceCollection AddCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Section = CachingOptions.Section;
        var section = configuration.GetSection(Section);
        var settings = section.Get<CachingOptions>() ?? new CachingOptions();
        services.AddOptions<CachingOptions>()
            .Bind(section)
            .Validate(o => o.TryGetProvider(out _), $"{Section}:Provider must be Memory or Redis.")
            .Validate(
                o => !o.TryGetProvider(out var provider) || provider != CacheProvider.Redis || !string.IsNullOrWhiteSpace(RedisConnection.ConnectionString(configuration)),
                $"ConnectionStrings:{RedisConnection.ConnectionStringName} is required when {Section}:Provider is Redis.")
            .Validate(o => o.FailSafeMaxDuration > TimeSpan.Zero, $"{Section}:FailSafeMaxDuration must be positive.")
            .Validate(o => o.EagerRefreshThreshold is > 0 and < 1, $"{Section}:EagerRefreshThreshold must be between 0 and 1 (exclusive).")
            .Validate(o => o.DistributedCacheSoftTimeout > TimeSpan.Zero && o.DistributedCacheSoftTimeout <= o.DistributedCacheHardTimeout, $"{Section}:DistributedCacheSoftTimeout must be positive and at most {Section}:DistributedCacheHardTimeout.")
            .Validate(o => o.CircuitBreakerDuration >= TimeSpan.Zero, $"{Section}:CircuitBreakerDuration must be zero or more.")
            .ValidateOnStart();

        var onRedis = settings.TryGetProvider(out var chosen) && chosen == CacheProvider.Redis;
        if (onRedis)
        {
            services.TryAddRedisConnection(configuration);
            services.TryAddSingleton<ITagGenerations, RedisTagGenerations>();
        }
        else
        {
            services.TryAddSingleton<ITagGenerations, MemoryTagGenerations>();
        }

        services.TryAddSingleton<IFusionCache>(sp => CreateFusionCache(sp, onRedis));

        // Replaces, not adds: the composition root's in-process fallback must not win over the configured cache.
        services.RemoveAll<ICache>();
        services.AddSingleton<ICache, FusionTenantCache>();
        return services;
    }

    private static FusionCache CreateFusionCache(IServiceProvider services, bool onRedis)
    {
        var options = services.GetRequiredService<IOptions<CachingOptions>>().Value;
        var fusionOptions = new FusionCacheOptions
        {
            CacheName = "reference",
            DistributedCacheCircuitBreakerDuration = options.CircuitBreakerDuration,
            DefaultEntryOptions = new FusionCacheEntryOptions
            {
                IsFailSafeEnabled = true,
                FailSafeMaxDuration = options.FailSafeMaxDuration,
                EagerRefreshThreshold = options.EagerRefreshThreshold,
                DistributedCacheSoftTimeout = options.DistributedCacheSoftTimeout,
                DistributedCacheHardTimeout = options.DistributedCacheHardTimeout,
                AllowBackgroundDistributedCacheOperations = false,
                ReThrowDistributedCacheExceptions = false,
                ReThrowBackplaneExceptions = false,

                // A cached object is a copy: a caller that changes what it got never changes the next caller's value.
                EnableAutoClone = true,
            },
        };
        var cache = new FusionCache(fusionOptions, logger: services.GetRequiredService<ILogger<FusionCache>>());
        var serializer = new FusionCacheSystemTextJsonSerializer();
        cache.SetupSerializer(serializer);
        if (onRedis)
        {
            var redis = services.GetRequiredService<IConnectionMultiplexer>();
            cache.SetupDistributedCache(
                new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult(redis) })),
                serializer);
            cache.SetupBackplane(new RedisBackplane(
                Options.Create(new RedisBackplaneOptions { ConnectionMultiplexerFactory = () => Task.FromResult(redis) }),
                services.GetRequiredService<ILogger<RedisBackplane>>()));
        }

        return cache;
    }
}
